package io.catalogs.gateway.sync;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;
import io.catalogs.spi.Catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Writes through the gateway reach every other catalog, in order, with their sync events tracked. */
class SyncPropagationIT extends SyncTestSupport {

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebTestClient webClient;

	@Test
	void aCustomerCreatedInThePrimaryCanSoonBeReadFromEverySecondary() {
		Map<String, Object> created = createCustomer(null, "Ada");
		String id = (String) created.get("id");
		long start = System.nanoTime();
		for (String catalog : List.of("mongo", "redis")) {
			await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> assertThat(this.graphQl
				.document("query($id: ID!, $catalog: String) { customer(id: $id, catalog: $catalog) { id name email "
						+ "version catalog } }")
				.variable("id", id)
				.variable("catalog", catalog)
				.execute()
				.path("customer")
				.hasValue()
				.entity(MAP)
				.get()).containsEntry("name", created.get("name"))
				.containsEntry("email", created.get("email"))
				.containsEntry("version", 1)
				.containsEntry("catalog", catalog));
		}
		System.out.printf("create propagated to mongo and redis in %d ms%n", (System.nanoTime() - start) / 1_000_000);
		UUID entityId = UUID.fromString(id);
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(syncEvents(entityId))
			.extracting(SyncEventRecord::target, SyncEventRecord::state)
			.containsExactlyInAnyOrder(tuple("mongo", SyncState.APPLIED),
					tuple("redis", SyncState.APPLIED),
					tuple("flaky", SyncState.APPLIED)));
		SyncEventRecord event = syncEvents(entityId).get(0);
		assertThat(event.source()).isEqualTo("postgres");
		assertThat(event.operation()).isEqualTo("CREATE");
		assertThat(event.origin()).isNull();
		assertThat(event.attempts()).isEqualTo(1);
		Timer lag = this.meters.find("catalog.sync.lag").tag("catalog", "mongo").timer();
		assertThat(lag).isNotNull();
		assertThat(lag.count()).isPositive();
		assertThat(this.meters.find("catalog.sync.applied").tag("catalog", "redis").counter().count()).isPositive();
	}

	@Test
	void healthReportsKafka() {
		this.webClient.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
			.jsonPath("$.components.kafka.status").isEqualTo("UP")
			.jsonPath("$.components.kafka.details.brokers").isEqualTo(1);
	}

	@Test
	void updatesAndDeletesConverge() {
		UUID id = UUID.fromString((String) createCustomer(null, "Grace").get("id"));
		awaitEverywhere(EntityTypes.CUSTOMER, id, 1L);
		this.graphQl.document("mutation($id: ID!) { updateCustomer(id: $id, input: {phone: \"+1 555 0101\"}) { version } }")
			.variable("id", id.toString())
			.execute()
			.path("updateCustomer.version")
			.entity(Integer.class)
			.isEqualTo(2);
		awaitEverywhere(EntityTypes.CUSTOMER, id, 2L);
		assertThat((String) read("redis", EntityTypes.CUSTOMER, id).get("phone")).isEqualTo("+1 555 0101");
		assertThat((String) read("mongo", EntityTypes.CUSTOMER, id).get("phone")).isEqualTo("+1 555 0101");

		this.graphQl.document("mutation($id: ID!) { deleteCustomer(id: $id) }")
			.variable("id", id.toString())
			.execute()
			.path("deleteCustomer")
			.entity(String.class)
			.isEqualTo(id.toString());
		awaitEverywhere(EntityTypes.CUSTOMER, id, null);
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(syncEvents(id)).hasSize(9)
			.allSatisfy((event) -> assertThat(event.state()).isEqualTo(SyncState.APPLIED)));
		assertThat(syncEvents(id)).extracting(SyncEventRecord::operation)
			.containsOnly("CREATE", "UPDATE", "DELETE");
	}

	@Test
	void aWriteToASecondaryFansOutToThePrimaryAndTheOtherSecondaries() {
		UUID id = UUID.fromString((String) createCustomer("mongo", "Edsger").get("id"));
		awaitEverywhere(EntityTypes.CUSTOMER, id, 1L);
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(syncEvents(id))
			.allSatisfy((event) -> {
				assertThat(event.source()).isEqualTo("mongo");
				assertThat(event.state()).isEqualTo(SyncState.APPLIED);
			})
			.extracting(SyncEventRecord::target)
			.containsExactlyInAnyOrder("postgres", "redis", "flaky"));
	}

	@Test
	void aBurstOfConcurrentWritesConvergesEverywhere() {
		String token = token();
		List<UUID> ids = createBurst(token, 40);
		// every entity is updated a few times, concurrently across entities
		Flux.fromIterable(ids)
			.flatMap((id) -> Flux.range(1, 3).concatMap((n) -> Flux.defer(() -> {
				this.graphQl.document("mutation($id: ID!, $name: String) { updateCustomer(id: $id, input: {name: $name}) "
						+ "{ version } }")
					.variable("id", id.toString())
					.variable("name", "Burst " + token + " v" + (n + 1))
					.execute()
					.path("updateCustomer.version")
					.entity(Integer.class)
					.isEqualTo(n + 1);
				return Flux.empty();
			}).subscribeOn(Schedulers.boundedElastic())), 8)
			.blockLast(Duration.ofMinutes(2));
		long start = System.nanoTime();
		await().atMost(CONVERGENCE).untilAsserted(() -> {
			Map<UUID, Long> primary = versions(catalog("postgres"), ids);
			assertThat(primary).hasSize(ids.size()).allSatisfy((id, version) -> assertThat(version).isEqualTo(4L));
			for (String secondary : List.of("mongo", "redis", "flaky")) {
				assertThat(versions(catalog(secondary), ids)).as(secondary).isEqualTo(primary);
			}
		});
		System.out.printf("burst of %d entities x 4 writes converged %d ms after the last write%n", ids.size(),
				(System.nanoTime() - start) / 1_000_000);
		for (String catalog : List.of("postgres", "mongo", "redis", "flaky")) {
			Timer lag = this.meters.find("catalog.sync.lag").tag("catalog", catalog).timer();
			if (lag != null) {
				System.out.printf("lag to %s: %d applied, mean %.1f ms, max %.1f ms%n", catalog, lag.count(),
						lag.mean(TimeUnit.MILLISECONDS),
						lag.max(TimeUnit.MILLISECONDS));
			}
		}
	}

	private List<UUID> createBurst(String token, int count) {
		return Flux.range(0, count)
			.flatMap((i) -> Flux.defer(() -> Flux.just(UUID.fromString(this.graphQl
				.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }")
				.variable("input", Map.of("name", "Burst " + token + " " + i, "email", "c" + i + "." + token + "@example.com"))
				.execute()
				.path("createCustomer.id")
				.entity(String.class)
				.get()))).subscribeOn(Schedulers.boundedElastic()), 8)
			.collectList()
			.block(Duration.ofMinutes(1));
	}

	private static Map<UUID, Long> versions(Catalog catalog, List<UUID> ids) {
		return catalog.getMany(EntityTypes.CUSTOMER, ids)
			.collect(Collectors.toMap(Entity::id, Entity::version, (a, b) -> a, TreeMap::new))
			.block(Duration.ofSeconds(10));
	}
}
