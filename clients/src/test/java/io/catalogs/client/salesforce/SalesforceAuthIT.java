package io.catalogs.client.salesforce;

import java.time.Clock;
import java.time.Duration;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.MutableClock;
import io.catalogs.client.http.TestSettings;
import io.catalogs.client.http.UnauthorizedClientException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth 2.0 refresh-token handling of the Salesforce client. */
class SalesforceAuthIT {

	private final FakeHttpServer server = FakeServers.salesforce();

	private final FakeSalesforce salesforce = FakeServers.salesforceVendor();

	@BeforeEach
	void reset() {
		this.server.reset();
	}

	@Test
	void refreshesOnceOnA401AndRepeatsTheCallOnce() {
		SalesforceClient client = SalesforceTestClients.client("expiry");
		StepVerifier.create(client.contacts().get("001")).verifyComplete();
		assertThat(this.salesforce.tokens().refreshes()).isEqualTo(1);

		this.salesforce.tokens().expireAll();
		StepVerifier.create(client.contacts().get("001")).verifyComplete();
		assertThat(this.salesforce.tokens().refreshes()).isEqualTo(2);
		assertThat(this.server.received()).extracting((r) -> r.path().contains("oauth2") ? "token" : "api")
			.containsExactly("token", "api", "api", "token", "api");
	}

	@Test
	void refreshesBeforeTheTokenExpires() {
		MutableClock clock = new MutableClock();
		SalesforceClient client = SalesforceTestClients.client("proactive", Duration.ofSeconds(10), TestSettings.retry(),
				TestSettings.tolerantBreaker(), clock, FakeSalesforce.REFRESH_TOKEN);
		StepVerifier.create(client.contacts().get("001")).verifyComplete();
		clock.advance(Duration.ofMinutes(5));
		StepVerifier.create(client.contacts().get("001")).verifyComplete();
		assertThat(this.salesforce.tokens().refreshes()).isEqualTo(1);
		// the token lives 10 minutes (no expires_in from Salesforce: the configured default); 60 s skew
		clock.advance(Duration.ofMinutes(4).plusSeconds(5));
		StepVerifier.create(client.contacts().get("001")).verifyComplete();
		assertThat(this.salesforce.tokens().refreshes()).isEqualTo(2);
		assertThat(this.server.received()).extracting((r) -> r.path().contains("oauth2") ? "token" : "api")
			.containsExactly("token", "api", "api", "token", "api");
	}

	@Test
	void concurrentCallsRejectedWithTheSameTokenShareOneRefresh() {
		SalesforceClient client = SalesforceTestClients.client("shared");
		StepVerifier.create(client.contacts().get("001")).verifyComplete();
		this.salesforce.tokens().expireAll();
		StepVerifier.create(Flux.range(0, 20).flatMap((i) -> client.contacts().get("00" + i), 20)).verifyComplete();
		assertThat(this.salesforce.tokens().refreshes()).isEqualTo(2);
	}

	@Test
	void aRefusedRefreshTokenFailsAsUnauthorizedWithoutRetrying() {
		SalesforceClient client = SalesforceTestClients.client("revoked", Duration.ofSeconds(10), TestSettings.retry(),
				TestSettings.tolerantBreaker(), Clock.systemUTC(), "revoked-refresh-token");
		StepVerifier.create(client.contacts().get("001")).expectError(UnauthorizedClientException.class).verify();
		assertThat(this.server.received()).hasSize(1);
		assertThat(this.salesforce.tokens().refreshes()).isZero();
	}
}
