package io.catalogs.client.quickbooks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeQuickBooks;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.MutableClock;
import io.catalogs.client.http.OAuth2Token;
import io.catalogs.client.http.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Intuit's OAuth 2.0 flow: HTTP Basic client authentication, expires_in, rotating refresh tokens. */
class QuickBooksAuthIT {

	private final FakeHttpServer server = FakeServers.quickbooks();

	private final FakeQuickBooks quickbooks = FakeServers.quickbooksVendor();

	@BeforeEach
	void reset() {
		this.server.reset();
	}

	@Test
	void keepsTheRotatedRefreshTokenAndReportsIt() {
		List<OAuth2Token> tokens = new CopyOnWriteArrayList<>();
		QuickBooksClient client = QuickBooksTestClients.client("rotation", Duration.ofSeconds(10), TestSettings.retry(),
				TestSettings.tolerantBreaker(), java.time.Clock.systemUTC(), tokens::add);
		StepVerifier.create(client.customers().get("1")).verifyComplete();
		this.quickbooks.tokens().expireAll();
		// the second refresh only works with the refresh token the first one returned
		StepVerifier.create(client.customers().get("1")).verifyComplete();
		assertThat(this.quickbooks.tokens().refreshes()).isEqualTo(2);
		assertThat(tokens).hasSize(2);
		assertThat(tokens.get(1).refreshToken()).isEqualTo(this.quickbooks.tokens().currentRefreshToken())
			.isNotEqualTo(FakeQuickBooks.REFRESH_TOKEN);
		assertThat(this.server.received().get(0).headers().getFirst("Authorization")).startsWith("Basic ");
	}

	@Test
	void refreshesBeforeExpiresInRunsOut() {
		MutableClock clock = new MutableClock();
		QuickBooksClient client = QuickBooksTestClients.client("proactive", Duration.ofSeconds(10), TestSettings.retry(),
				TestSettings.tolerantBreaker(), clock, (token) -> {
				});
		StepVerifier.create(client.customers().get("1")).verifyComplete();
		clock.advance(Duration.ofMinutes(58));
		StepVerifier.create(client.customers().get("1")).verifyComplete();
		assertThat(this.quickbooks.tokens().refreshes()).isEqualTo(1);
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		StepVerifier.create(client.customers().get("1")).verifyComplete();
		assertThat(this.quickbooks.tokens().refreshes()).isEqualTo(2);
		assertThat(this.server.received()).filteredOn((r) -> !r.path().startsWith("/oauth2"))
			.allSatisfy((r) -> assertThat(r.headers().getFirst("Authorization")).startsWith("Bearer "))
			.hasSize(3);
	}
}
