package io.catalogs.gateway.sync;

import io.catalogs.gateway.embedded.EmbeddedStack;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failures of a target catalog: a store that is down for a while is retried until it is back while
 * the others are unaffected; retries that never succeed end dead-lettered and are replayed on
 * request; a permanent refusal is FAILED and can be retried by hand.
 */
class SyncFailureIT extends SyncTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void aSecondaryThatIsDownForAWhileCatchesUpAndTheOthersAreUnaffected() {
		EmbeddedStack stack = EmbeddedStack.shared();
		UUID id;
		stack.stopRedis();
		try {
			id = UUID.fromString((String) createCustomer(null, "Barbara").get("id"));
			await().atMost(CONVERGENCE).untilAsserted(() -> {
				assertThat(read("mongo", EntityTypes.CUSTOMER, id)).isNotNull();
				assertThat(event(id, "mongo").state()).isEqualTo(SyncState.APPLIED);
				SyncEventRecord redis = event(id, "redis");
				assertThat(redis.state()).isEqualTo(SyncState.RETRYING);
				assertThat(redis.error()).contains("redis");
			});
		}
		finally {
			stack.startRedis();
		}
		awaitEverywhere(EntityTypes.CUSTOMER, id, 1L);
		await().atMost(CONVERGENCE).untilAsserted(() -> {
			SyncEventRecord redis = event(id, "redis");
			assertThat(redis.state()).isEqualTo(SyncState.APPLIED);
			assertThat(redis.attempts()).isGreaterThan(1);
			assertThat(redis.error()).isNull();
		});
		assertThat(event(id, "mongo").attempts()).isEqualTo(1);
		assertThat(this.meters.find("catalog.sync.retried").tag("catalog", "redis").counter().count()).isPositive();
	}

	@Test
	void retriesThatNeverSucceedEndDeadLetteredAndAReplayConverges() {
		flaky().mode(FlakyCatalog.Mode.RETRIABLE_FAILURES);
		UUID id = UUID.fromString((String) createCustomer(null, "Donald").get("id"));
		await().atMost(CONVERGENCE).untilAsserted(() -> {
			SyncEventRecord event = event(id, "flaky");
			assertThat(event.state()).isEqualTo(SyncState.DEAD_LETTERED);
			assertThat(event.attempts()).isEqualTo(this.properties.retry().maxAttempts());
		});
		assertThat(event(id, "mongo").state()).isEqualTo(SyncState.APPLIED);
		assertThat(readUntil(this.properties.topics().deadLetters(), (record) -> id.toString().equals(record.key()),
				Duration.ofSeconds(10)))
			.filteredOn((record) -> id.toString().equals(record.key()))
			.singleElement()
			.satisfies((record) -> assertThat(new String(record.headers().lastHeader(SyncPublisher.TARGET_HEADER).value(),
					StandardCharsets.UTF_8)).isEqualTo("flaky"));
		assertThat(this.meters.find("catalog.sync.dead_lettered").tag("catalog", "flaky").counter().count())
			.isPositive();

		flaky().mode(FlakyCatalog.Mode.WORKING);
		assertThat(replayDeadLetters("flaky")).isPositive();
		await().atMost(CONVERGENCE).untilAsserted(() -> {
			assertThat(event(id, "flaky").state()).isEqualTo(SyncState.APPLIED);
			assertThat(read("flaky", EntityTypes.CUSTOMER, id)).isNotNull();
		});
		assertThat(replayDeadLetters("flaky")).isZero();
		assertThat(replayDeadLetters(null)).isZero();
	}

	@Test
	void aPermanentRefusalIsFailedAndRetrySyncEventAppliesItOnceTheCatalogAccepts() {
		flaky().mode(FlakyCatalog.Mode.PERMANENT_FAILURES);
		UUID id = UUID.fromString((String) createCustomer(null, "Frances").get("id"));
		await().atMost(CONVERGENCE).untilAsserted(() -> {
			SyncEventRecord event = event(id, "flaky");
			assertThat(event.state()).isEqualTo(SyncState.FAILED);
			assertThat(event.error()).isEqualTo("flaky refuses customer " + id);
		});
		SyncEventRecord failed = event(id, "flaky");
		assertThat(retry(failed.id().toString())).containsEntry("state", "FAILED").containsEntry("attempts", 2);

		flaky().mode(FlakyCatalog.Mode.WORKING);
		Map<String, Object> retried = retry(failed.id().toString());
		assertThat(retried).containsEntry("id", failed.id().toString())
			.containsEntry("state", "APPLIED")
			.containsEntry("attempts", 3)
			.containsEntry("target", "flaky");
		assertThat(retried.get("error")).isNull();
		assertThat(read("flaky", EntityTypes.CUSTOMER, id)).isNotNull();
		int applies = flaky().applies();
		assertThat(retry(failed.id().toString())).as("idempotent").isEqualTo(retried);
		assertThat(flaky().applies()).isEqualTo(applies + 1);
	}

	@Test
	void retrySyncEventOfAnUnknownIdIsNotFound() {
		this.graphQl.document("mutation($id: ID!) { retrySyncEvent(id: $id) { id } }")
			.variable("id", UUID.randomUUID().toString())
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "NOT_FOUND")));
		this.graphQl.document("mutation { retrySyncEvent(id: \"nope\") { id } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
		this.graphQl.document("mutation { replayDeadLetters(catalog: \"nowhere\") }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "UNKNOWN_CATALOG")));
	}

	private SyncEventRecord event(UUID entityId, String target) {
		return syncEvents(entityId).stream()
			.filter((event) -> event.target().equals(target))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no sync event for " + target));
	}

	private Map<String, Object> retry(String id) {
		return this.graphQl.document("mutation($id: ID!) { retrySyncEvent(id: $id) { id entityType entityId operation "
				+ "version source target state attempts error createdAt updatedAt } }")
			.variable("id", id)
			.execute()
			.path("retrySyncEvent")
			.entity(MAP)
			.get();
	}

	private int replayDeadLetters(String catalog) {
		return this.graphQl.document("mutation($catalog: String) { replayDeadLetters(catalog: $catalog) }")
			.variable("catalog", catalog)
			.execute()
			.path("replayDeadLetters")
			.entity(Integer.class)
			.get();
	}
}
