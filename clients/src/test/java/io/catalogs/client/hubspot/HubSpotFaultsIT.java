package io.catalogs.client.hubspot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.SpecCheckedServer;
import io.catalogs.client.fake.Fault;
import io.catalogs.client.fake.FaultPlan;
import io.catalogs.client.http.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** HubSpot's look-up-before-create under injected faults; every exchange checked against the spec. */
class HubSpotFaultsIT {

	private final FakeHttpServer server = FakeServers.hubspot();

	@RegisterExtension
	final SpecCheckedServer spec = new SpecCheckedServer(this.server);

	@BeforeEach
	void warmUp() {
		HubSpotTestClients.client("warm-up").contacts().create(HubSpotClientIT.properties("warm-up", "warm@example.com")).block();
		this.server.reset();
	}

	@Test
	void aCreateThatTimedOutAfterTheServerCommittedIsFoundByTheNextLookUp() {
		HubSpotClient client = HubSpotTestClients.client("slow", this.server.baseUrl(), TestSettings.TIMEOUT,
				TestSettings.retry(), TestSettings.tolerantBreaker());
		// look-up answers 404, the create commits but answers too late; the retry's look-up finds it
		this.server.faults(FaultPlan.first(Fault.NONE, Fault.slow(TestSettings.SLOW)));
		HubSpotContact created = client.contacts().create(HubSpotClientIT.properties("h-slow", "slow@example.com")).block();
		assertThat(FakeServers.hubspotVendor().contacts()).singleElement()
			.satisfies((contact) -> assertThat(contact.get("id")).isEqualTo(created.id()));
		assertThat(this.server.received()).extracting((r) -> r.method()).containsExactly("GET", "POST", "GET");
	}

	@Test
	void aThousandEntitiesThroughFaultsMakeExactlyAThousandContacts() {
		this.server.faults(TestSettings.thousandFaults());
		HubSpotClient client = HubSpotTestClients.client("thousand", this.server.baseUrl(), TestSettings.THOUSAND_TIMEOUT,
				TestSettings.thousandRetry(), TestSettings.neverOpens());
		long started = System.nanoTime();
		List<HubSpotContact> created = Flux.range(0, 1000)
			.flatMap((i) -> client.contacts().create(HubSpotClientIT.properties("e-" + i, "e" + i + "@example.com")),
					TestSettings.THOUSAND_CONCURRENCY)
			.collectList()
			.block(Duration.ofSeconds(90));
		assertThat(created).hasSize(1000);
		Set<Object> gatewayIds = FakeServers.hubspotVendor().contacts().stream()
			.map((c) -> ((Map<?, ?>) c.get("properties")).get("catalogs_gateway_id"))
			.collect(Collectors.toSet());
		assertThat(FakeServers.hubspotVendor().contacts()).hasSize(1000);
		assertThat(gatewayIds).hasSize(1000);
		System.out.printf("1000 HubSpot contacts through faults: %d requests, %d ms%n", this.server.received().size(),
				(System.nanoTime() - started) / 1_000_000);
	}
}
