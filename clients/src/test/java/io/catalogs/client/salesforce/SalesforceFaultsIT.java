package io.catalogs.client.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.Fault;
import io.catalogs.client.fake.FaultPlan;
import io.catalogs.client.http.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Salesforce upserts under injected faults and token expiry. */
class SalesforceFaultsIT {

	private final FakeHttpServer server = FakeServers.salesforce();

	private final FakeSalesforce salesforce = FakeServers.salesforceVendor();

	@BeforeEach
	void reset() {
		this.server.reset();
	}

	@Test
	void aThousandEntitiesThroughFaultsAndTokenExpiryMakeExactlyAThousandContacts() {
		FaultPlan faults = TestSettings.thousandFaults();
		// sessions expire twice during the run: every call must still succeed, after one refresh each time
		this.server.faults((request) -> {
			if (request.sequence() == 400 || request.sequence() == 800) {
				this.salesforce.tokens().expireAll();
			}
			return request.path().contains("oauth2") ? Fault.NONE : faults.next(request);
		});
		SalesforceClient client = SalesforceTestClients.client("thousand", TestSettings.THOUSAND_TIMEOUT,
				TestSettings.thousandRetry(), TestSettings.neverOpens(), Clock.systemUTC(), FakeSalesforce.REFRESH_TOKEN);
		long started = System.nanoTime();
		List<SalesforceSaveResult> saved = Flux.range(0, 1000)
			.flatMap((i) -> client.contacts().upsertByGatewayId("e-" + i,
					new SalesforceContact.Fields(null, "Customer " + i, "e" + i + "@example.com", null, 1L, null)),
					TestSettings.THOUSAND_CONCURRENCY)
			.collectList()
			.block(Duration.ofSeconds(90));
		assertThat(saved).hasSize(1000);
		Set<Object> gatewayIds = this.salesforce.records("Contact").stream()
			.map((record) -> record.get("Catalogs_Gateway_Id__c"))
			.collect(Collectors.toSet());
		assertThat(this.salesforce.records("Contact")).hasSize(1000);
		assertThat(gatewayIds).hasSize(1000);
		assertThat(this.salesforce.tokens().refreshes()).isBetween(3, 6);
		System.out.printf("1000 Salesforce contacts through faults: %d requests, %d refreshes, %d ms%n",
				this.server.received().size(), this.salesforce.tokens().refreshes(), (System.nanoTime() - started) / 1_000_000);
	}
}
