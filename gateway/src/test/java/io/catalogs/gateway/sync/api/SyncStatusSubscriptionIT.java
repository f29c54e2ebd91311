package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;
import io.catalogs.spi.CatalogRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SyncStatusSubscriptionIT extends SyncApiTestSupport {

	@Autowired
	CatalogRegistry registry;

	@Autowired
	SyncStatusFeedProperties feedProperties;

	@Test
	void aWebSocketSubscriberSeesEveryStatusRecordOfItsEntityInOrder() {
		UUID entity = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		List<SyncEventRecord> records = List.of(record(entity, "mongo", SyncState.PENDING),
				record(other, "mongo", SyncState.PENDING), record(entity, "redis", SyncState.PENDING),
				record(entity, "mongo", SyncState.APPLIED), record(entity, "redis", SyncState.RETRYING));
		WebSocketGraphQlClient client = webSocketClient(this.port);
		try (LiveSubscription<Map<String, Object>> live = LiveSubscription.open(syncStatus(client, entity, null),
				this.feed::subscriptionsStarted)) {
			publishStatus(records);
			List<Map<String, Object>> received = live.awaitUntil((events) -> events.size() >= 4, TIMEOUT);
			assertThat(received).extracting((event) -> event.get("id"))
				.containsExactly(records.get(0).id().toString(), records.get(2).id().toString(),
						records.get(3).id().toString(), records.get(4).id().toString());
			SyncEventRecord first = records.get(0);
			assertThat(received.get(0)).containsEntry("entityType", "customer")
				.containsEntry("entityId", entity.toString())
				.containsEntry("operation", "CREATE")
				.containsEntry("version", 1)
				.containsEntry("source", "postgres")
				.containsEntry("target", "mongo")
				.containsEntry("state", "PENDING")
				.containsEntry("attempts", 0)
				.containsEntry("error", null);
			assertThat(Instant.parse((String) received.get(0).get("createdAt"))).isEqualTo(Instant.ofEpochMilli(first
				.createdAt().toEpochMilli()));
		}
		finally {
			client.stop().block(TIMEOUT);
		}
	}

	@Test
	void anSseSubscriberSeesOnlyTheCatalogItAskedFor() {
		UUID entity = UUID.randomUUID();
		List<SyncEventRecord> records = List.of(record(entity, "mongo", SyncState.PENDING),
				record(entity, "redis", SyncState.PENDING), record(entity, "mongo", SyncState.APPLIED),
				record(entity, "redis", SyncState.APPLIED));
		try (LiveSubscription<Map<String, Object>> live = LiveSubscription
			.open(syncStatus(httpClient(this.port), entity, "redis"), this.feed::subscriptionsStarted)) {
			publishStatus(records);
			List<Map<String, Object>> received = live.awaitUntil((events) -> events.size() >= 2, TIMEOUT);
			assertThat(received).extracting((event) -> event.get("target")).containsOnly("redis");
			assertThat(received).extracting((event) -> event.get("state")).containsExactly("PENDING", "APPLIED");
		}
	}

	@Test
	void aSlowSubscriberLosesItsOldestRecordsWithoutHoldingUpTheOthers() {
		UUID entity = UUID.randomUUID();
		int count = this.feedProperties.bufferSize() + 50;
		List<SyncEventRecord> fast = new CopyOnWriteArrayList<>();
		List<SyncEventRecord> slow = new CopyOnWriteArrayList<>();
		Disposable fastSubscription = this.feed.events()
			.filter((event) -> entity.equals(event.entityId()))
			.subscribe(fast::add);
		BaseSubscriber<SyncEventRecord> slowSubscriber = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				subscription.request(1);
			}

			@Override
			protected void hookOnNext(SyncEventRecord value) {
				slow.add(value);
			}
		};
		this.feed.events().filter((event) -> entity.equals(event.entityId())).subscribe(slowSubscriber);
		try {
			List<SyncEventRecord> records = new ArrayList<>();
			IntStream.rangeClosed(1, count).forEach((version) -> {
				SyncEventRecord template = record(entity, "mongo", SyncState.APPLIED);
				records.add(new SyncEventRecord(template.id(), template.eventId(), "customer", entity, "UPDATE", version,
						"postgres", "mongo", null, SyncState.APPLIED, 1, null, template.committedAt(),
						template.createdAt(), template.updatedAt()));
			});
			publishStatus(records);
			await().atMost(TIMEOUT).until(() -> fast.size() == count);
			assertThat(fast).extracting(SyncEventRecord::version)
				.containsExactlyElementsOf(IntStream.rangeClosed(1, count).mapToObj(Long::valueOf).toList());
			assertThat(slow).hasSize(1);

			slowSubscriber.request(Long.MAX_VALUE);
			await().atMost(TIMEOUT).until(() -> !slow.isEmpty() && slow.get(slow.size() - 1).version() == count);
			assertThat(slow.size()).isLessThan(count).isGreaterThan(1);
			assertThat(slow.get(0).version()).isEqualTo(1);
			assertThat(slow).extracting(SyncEventRecord::version).isSorted();
		}
		finally {
			fastSubscription.dispose();
			slowSubscriber.dispose();
		}
	}

	@Test
	void aCreatedCustomerIsPendingThenAppliedOnEverySecondaryOverWebSocket() {
		WebSocketGraphQlClient client = webSocketClient(this.port);
		try {
			expectPendingThenAppliedEverywhere(client);
		}
		finally {
			client.stop().block(TIMEOUT);
		}
	}

	@Test
	void aCreatedCustomerIsPendingThenAppliedOnEverySecondaryOverSse() {
		expectPendingThenAppliedEverywhere(httpClient(this.port));
	}

	@Test
	void refusesAnEntityIdThatIsNoUuidAndAnUnknownCatalog() {
		WebSocketGraphQlClient client = webSocketClient(this.port);
		try {
			assertRefused(client, Map.of("entityId", "nope"), "BAD_REQUEST");
			assertRefused(client, Map.of("catalog", "nope"), "UNKNOWN_CATALOG");
			assertRefused(httpClient(this.port), Map.of("catalog", "nope"), "UNKNOWN_CATALOG");
		}
		finally {
			client.stop().block(TIMEOUT);
		}
	}

	private static void assertRefused(GraphQlClient client, Map<String, Object> variables, String classification) {
		List<ResponseError> errors = refusal(client, SYNC_STATUS, variables);
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).getExtensions()).containsEntry("classification", classification);
	}

	private void expectPendingThenAppliedEverywhere(GraphQlClient client) {
		List<String> secondaries = this.registry.secondaries(EntityTypes.CUSTOMER)
			.stream()
			.map((catalog) -> catalog.definition().name())
			.toList();
		assertThat(secondaries).isNotEmpty();
		// the id is not known before the create: subscribe to all and filter here
		try (LiveSubscription<Map<String, Object>> live = LiveSubscription.open(syncStatus(client, null, null),
				this.feed::subscriptionsStarted)) {
			String id = (String) createCustomer(this.graphQl, token()).get("id");
			List<Map<String, Object>> received = live.awaitUntil((events) -> secondaries.stream()
				.allMatch((target) -> states(events, id, target).contains("APPLIED")), TIMEOUT);
			for (String target : secondaries) {
				assertThat(states(received, id, target)).as(target).containsExactly("PENDING", "APPLIED");
			}
		}
	}

	private static List<Object> states(List<Map<String, Object>> events, String entityId, String target) {
		return events.stream()
			.filter((event) -> entityId.equals(event.get("entityId")) && target.equals(event.get("target")))
			.map((event) -> event.get("state"))
			.toList();
	}

	static Flux<Map<String, Object>> syncStatus(GraphQlClient client, UUID entityId,
			String catalog) {
		return client.document(SYNC_STATUS)
			.variable("entityId", (entityId != null) ? entityId.toString() : null)
			.variable("catalog", catalog)
			.retrieveSubscription("syncStatus")
			.toEntity(MAP);
	}
}
