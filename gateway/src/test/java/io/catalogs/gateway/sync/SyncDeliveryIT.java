package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery guarantees: duplicates and reordering leave the newest version, rows committed while no
 * relay runs or committed late are still published, a write interrupted in the intent protocol is
 * recovered, and a record that is not a change event goes to the dead-letter topic.
 */
class SyncDeliveryIT extends SyncTestSupport {

	@Autowired
	SyncPublisher publisher;

	@Autowired
	OutboxRelay relay;

	@Autowired
	OutboxStore outbox;

	@Autowired
	ChangeEventCodec codec;

	@Autowired
	SyncEventConsumer consumers;

	@Test
	void duplicatesAndReorderedEventsLeaveTheNewestVersion() {
		UUID id = UUID.fromString((String) createCustomer(null, "Alan").get("id"));
		awaitEverywhere(EntityTypes.CUSTOMER, id, 1L);
		Entity v1 = read("postgres", EntityTypes.CUSTOMER, id);
		Instant now = Instant.now();
		Entity v2 = v1.withChanges(Map.of(Customer.NAME, "Alan v2"), now);
		Entity v3 = v2.withChanges(Map.of(Customer.NAME, "Alan v3"), now.plusMillis(1));
		ChangeEvent e3 = event(v3, ChangeOperation.UPDATE);
		ChangeEvent e2 = event(v2, ChangeOperation.UPDATE);
		ChangeEvent e1Again = event(v1, ChangeOperation.CREATE);
		Flux.just(e3, e2, e3, e1Again, e2).concatMap(this.publisher::publishChange).blockLast(Duration.ofSeconds(30));

		await().atMost(CONVERGENCE).untilAsserted(() -> {
			List<SyncEventRecord> events = syncEvents(id);
			assertThat(events).filteredOn((event) -> event.eventId().equals(e3.id()))
				.hasSize(3)
				.allSatisfy((event) -> {
					assertThat(event.state()).isEqualTo(SyncState.APPLIED);
					assertThat(event.attempts()).as("a duplicate changes nothing").isEqualTo(1);
				});
			assertThat(events).filteredOn((event) -> event.eventId().equals(e2.id()))
				.hasSize(3)
				.allSatisfy((event) -> assertThat(event.state()).isEqualTo(SyncState.SKIPPED_STALE));
			assertThat(events).filteredOn((event) -> event.eventId().equals(e1Again.id()))
				.hasSize(3)
				.allSatisfy((event) -> assertThat(event.state()).isEqualTo(SyncState.SKIPPED_STALE));
		});
		for (String secondary : List.of("mongo", "redis", "flaky")) {
			Entity held = read(secondary, EntityTypes.CUSTOMER, id);
			assertThat(held.version()).as(secondary).isEqualTo(3);
			assertThat((String) held.get(Customer.NAME)).as(secondary).isEqualTo("Alan v3");
		}
	}

	@Test
	void rowsCommittedWhileTheRelayIsStoppedArePublishedOnceItRunsAgain() {
		this.relay.stop();
		List<UUID> ids;
		try {
			ids = Flux.range(0, 5).map((i) -> UUID.fromString((String) createCustomer(null, "Paused").get("id")))
				.collectList()
				.block();
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(
					() -> assertThat(unpublished(ids)).as("rows wait in the outbox").isEqualTo(ids.size()));
			assertThat(read("mongo", EntityTypes.CUSTOMER, ids.get(0))).isNull();
		}
		finally {
			this.relay.start();
		}
		for (UUID id : ids) {
			awaitEverywhere(EntityTypes.CUSTOMER, id, 1L);
		}
		assertThat(unpublished(ids)).isZero();
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(ids).allSatisfy((id) -> assertThat(syncEvents(id))
			.hasSize(3)
			.allSatisfy((event) -> {
				assertThat(event.state()).isEqualTo(SyncState.APPLIED);
				assertThat(event.attempts()).isEqualTo(1);
			})));
	}

	@Test
	void changesPublishedWhileTheConsumersAreStoppedAreAppliedOnceTheyRunAgain() {
		this.consumers.stop();
		List<UUID> ids;
		try {
			ids = Flux.range(0, 5).map((i) -> UUID.fromString((String) createCustomer(null, "Unconsumed").get("id")))
				.collectList()
				.block();
			await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(unpublished(ids)).isZero());
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(read("mongo", EntityTypes.CUSTOMER, ids.get(0))).isNull());
		}
		finally {
			this.consumers.start();
		}
		for (UUID id : ids) {
			awaitEverywhere(EntityTypes.CUSTOMER, id, 1L);
		}
	}

	@Test
	void publishedRowsArePrunedAndUnpublishedOnesKept() {
		UUID published = UUID.fromString((String) createCustomer(null, "Pruned").get("id"));
		awaitEverywhere(EntityTypes.CUSTOMER, published, 1L);
		UUID waiting = UUID.randomUUID();
		this.outbox.insertIntent(this.store.client(), UUID.randomUUID(), ChangeOperation.CREATE, EntityTypes.CUSTOMER,
				waiting, "nowhere", null).block(Duration.ofSeconds(10));
		assertThat(this.outbox.prunePublished(this.store.client(), Instant.now().plusSeconds(1))
			.block(Duration.ofSeconds(10))).isPositive();
		assertThat(rows(published)).isZero();
		assertThat(rows(waiting)).isOne();
		// the sweep drops the intent of the unknown catalog
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(rows(waiting)).isZero());
	}

	@Test
	void transactionsThatCommitLateArePublishedAndRolledBackOnesNever() {
		String token = token();
		List<UUID> committed = Flux.range(0, 30)
			.flatMap((i) -> {
				ChangeEvent event = event(Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), Instant.now(),
						Map.of(Customer.NAME, token + " " + i, Customer.EMAIL, i + "." + token + "@example.com")),
						ChangeOperation.CREATE);
				Mono<Void> late = (i % 3 == 0)
						? this.store.client().sql("SELECT pg_sleep(1.5)").fetch().rowsUpdated().then() : Mono.empty();
				Mono<Void> rollback = (i % 5 == 0) ? Mono.error(new IllegalStateException("roll back")) : Mono.empty();
				return this.outbox.insertReady(this.store.client(), event, List.of("flaky"))
					.then(late)
					.then(rollback)
					.as(this.store.transactions()::transactional)
					.thenReturn(event.id())
					.onErrorResume(IllegalStateException.class, (ex) -> Mono.empty());
			}, 30)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(committed).hasSize(24);

		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(published(token)).isEqualTo(Set.copyOf(committed)));
		assertThat(unpublished(committed)).isZero();
	}

	@Test
	void anInterruptedWriteToACatalogWithoutSharedTransactionsIsRecoveredFromItsCurrentState() {
		// a create in mongo that committed just before the process died: INTENT row, no READY
		Entity written = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), Instant.now(),
				Map.of(Customer.NAME, "Intent " + token(), Customer.EMAIL, token() + "@example.com"));
		catalog("mongo").create(written).block(Duration.ofSeconds(10));
		this.outbox.insertIntent(this.store.client(), UUID.randomUUID(), ChangeOperation.CREATE, EntityTypes.CUSTOMER,
				written.id(), "mongo", null).block(Duration.ofSeconds(10));

		// a delete in mongo that committed just before the process died
		UUID deleted = UUID.fromString((String) createCustomer("mongo", "Doomed").get("id"));
		awaitEverywhere(EntityTypes.CUSTOMER, deleted, 1L);
		Entity current = read("mongo", EntityTypes.CUSTOMER, deleted);
		Instant deleteTime = Instant.now();
		UUID deleteIntent = UUID.randomUUID();
		this.outbox.insertIntent(this.store.client(), deleteIntent, ChangeOperation.DELETE, EntityTypes.CUSTOMER,
				deleted, "mongo", new ChangeEvent(deleteIntent, ChangeOperation.DELETE, "mongo", null, List.of(),
						deleteTime, current.toTombstone(deleteTime)))
			.block(Duration.ofSeconds(10));
		catalog("mongo").delete(EntityTypes.CUSTOMER, deleted, null, deleteTime).block(Duration.ofSeconds(10));

		// a create that never happened
		UUID never = UUID.randomUUID();
		this.outbox.insertIntent(this.store.client(), UUID.randomUUID(), ChangeOperation.CREATE, EntityTypes.CUSTOMER,
				never, "mongo", null).block(Duration.ofSeconds(10));

		awaitEverywhere(EntityTypes.CUSTOMER, written.id(), 1L);
		awaitEverywhere(EntityTypes.CUSTOMER, deleted, null);
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(intents(List.of(written.id(), deleted, never)))
			.as("no intent left").isZero());
		assertThat(syncEvents(never)).isEmpty();
		assertThat(read("postgres", EntityTypes.CUSTOMER, never)).isNull();
	}

	@Test
	void aRecordThatIsNoChangeEventGoesToTheDeadLetterTopicAndOthersKeepFlowing() {
		String key = "garbage-" + token();
		this.publisher.publishChanges(List.of(Map.entry(key, "{not json".getBytes(StandardCharsets.UTF_8))))
			.block(Duration.ofSeconds(10));
		UUID after = UUID.fromString((String) createCustomer(null, "After garbage").get("id"));
		awaitEverywhere(EntityTypes.CUSTOMER, after, 1L);
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(readUntil(this.properties.topics().deadLetters(),
				(record) -> false, Duration.ofSeconds(2)).stream()
			.filter((record) -> key.equals(record.key()))
			.map((record) -> new String(record.headers().lastHeader(SyncPublisher.TARGET_HEADER).value(),
					StandardCharsets.UTF_8))
			.collect(Collectors.toSet())).containsExactlyInAnyOrder("postgres", "mongo", "redis", "flaky"));
	}

	private ChangeEvent event(Entity entity, ChangeOperation operation) {
		return new ChangeEvent(UUID.randomUUID(), operation, "postgres", null, List.of(), Instant.now(), entity);
	}

	private long unpublished(List<UUID> entityIds) {
		return this.store.client()
			.sql("SELECT count(*) FROM " + this.store.table("outbox") + " WHERE published_at IS NULL AND "
					+ "(aggregateid = ANY(:ids) OR id = ANY(:uuids))")
			.bind("ids", entityIds.stream().map(UUID::toString).toArray(String[]::new))
			.bind("uuids", entityIds.toArray(UUID[]::new))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	private long rows(UUID entityId) {
		return this.store.client()
			.sql("SELECT count(*) FROM " + this.store.table("outbox") + " WHERE aggregateid = :id")
			.bind("id", entityId.toString())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	private long intents(List<UUID> entityIds) {
		return this.store.client()
			.sql("SELECT count(*) FROM " + this.store.table("outbox") + " WHERE state = 'INTENT' AND aggregateid = ANY(:ids)")
			.bind("ids", entityIds.stream().map(UUID::toString).toArray(String[]::new))
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	/** The ids of the change events on the changes topic whose entity's name holds {@code token}. */
	private Set<UUID> published(String token) {
		return readUntil(this.properties.topics().changes(), (record) -> false, Duration.ofSeconds(2)).stream()
			.filter((record) -> new String(record.value(), StandardCharsets.UTF_8).contains(token))
			.map((record) -> this.codec.read(record.value()).id())
			.collect(Collectors.toSet());
	}
}
