package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SyncEventsQueryIT extends SyncApiTestSupport {

	private static final String QUERY = "query($entityId: ID, $state: SyncState, $first: Int, $after: String) { "
			+ "syncEvents(entityId: $entityId, state: $state, first: $first, after: $after) { edges { cursor node { "
			+ SYNC_EVENT_FIELDS + " } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }";

	@Autowired
	ControlStore controlStore;

	@Autowired
	CatalogRegistry registry;

	@Test
	void pagesThroughTheEventsOfAnEntityNewestFirst() {
		UUID entity = UUID.randomUUID();
		List<UUID> expected = insertHistory(entity);
		List<Object> ids = new ArrayList<>();
		List<Boolean> hasPrevious = new ArrayList<>();
		List<Boolean> hasNext = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> connection = syncEvents(entity, null, 2, after);
			List<Map<String, Object>> edges = edges(connection);
			ids.addAll(edges.stream().map((edge) -> node(edge).get("id")).toList());
			Map<String, Object> pageInfo = pageInfo(connection);
			hasPrevious.add((Boolean) pageInfo.get("hasPreviousPage"));
			hasNext.add((Boolean) pageInfo.get("hasNextPage"));
			assertThat(pageInfo.get("startCursor")).isEqualTo(edges.get(0).get("cursor"));
			assertThat(pageInfo.get("endCursor")).isEqualTo(edges.get(edges.size() - 1).get("cursor"));
			after = (String) pageInfo.get("endCursor");
		}
		while (hasNext.get(hasNext.size() - 1));
		assertThat(ids).containsExactlyElementsOf(expected.stream().map(UUID::toString).toList());
		assertThat(hasPrevious).containsExactly(false, true, true);
		assertThat(hasNext).containsExactly(true, true, false);

		Map<String, Object> newest = node(edges(syncEvents(entity, null, 1, null)).get(0));
		assertThat(newest).containsEntry("entityType", "customer")
			.containsEntry("entityId", entity.toString())
			.containsEntry("operation", "UPDATE")
			.containsEntry("version", 3)
			.containsEntry("source", "postgres")
			.containsEntry("target", "mongo")
			.containsEntry("state", "RETRYING")
			.containsEntry("attempts", 2)
			.containsEntry("error", "catalog 'mongo' is unavailable");
	}

	@Test
	void filtersByEntityAndState() {
		UUID entity = UUID.randomUUID();
		List<UUID> history = insertHistory(entity);
		assertThat(ids(syncEvents(entity, SyncState.APPLIED, null, null))).containsExactly(history.get(2).toString(),
				history.get(3).toString());
		List<Map<String, Object>> failed = edges(syncEvents(null, SyncState.FAILED, 100, null));
		assertThat(failed).extracting((edge) -> node(edge).get("state")).containsOnly("FAILED");
		assertThat(failed).extracting((edge) -> node(edge).get("id")).contains(history.get(1).toString());
		assertThat(edges(syncEvents(UUID.randomUUID(), null, null, null))).isEmpty();
	}

	@Test
	void listsEveryEntityNewestFirstWithoutAFilter() {
		insertHistory(UUID.randomUUID());
		List<Map<String, Object>> edges = edges(syncEvents(null, null, 50, null));
		assertThat(edges).hasSizeGreaterThanOrEqualTo(5);
		List<Instant> times = edges.stream().map((edge) -> Instant.parse((String) node(edge).get("createdAt"))).toList();
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void refusesBadPagingArgumentsAndIds() {
		assertBadRequest(request(Map.of("first", -1)), "first");
		assertBadRequest(request(Map.of("first", 101)), "first");
		assertBadRequest(request(Map.of("after", "not-a-cursor")), "after");
		assertBadRequest(request(Map.of("entityId", "nope")), "entityId");
		assertThat(edges(syncEvents(null, null, 0, null))).isEmpty();
	}

	@Test
	void aCreatedCustomerHasOneAppliedEventPerSecondary() {
		String id = (String) createCustomer(this.graphQl, token()).get("id");
		List<String> secondaries = this.registry.secondaries(EntityTypes.CUSTOMER)
			.stream()
			.map((catalog) -> catalog.definition().name())
			.toList();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			List<Map<String, Object>> nodes = edges(syncEvents(UUID.fromString(id), null, null, null)).stream()
				.map(SyncEventsQueryIT::node)
				.toList();
			assertThat(nodes).extracting((node) -> node.get("target")).containsExactlyInAnyOrderElementsOf(secondaries);
			assertThat(nodes).extracting((node) -> node.get("state")).containsOnly("APPLIED");
			assertThat(nodes).extracting((node) -> node.get("source")).containsOnly("postgres");
		});
	}

	/**
	 * Five events of {@code entity}, returned newest first: two share their creation time (the lower
	 * id first), and times have microseconds, as PostgreSQL stores them.
	 */
	private List<UUID> insertHistory(UUID entity) {
		Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusNanos(123_000);
		UUID low = new UUID(0, entity.getLeastSignificantBits() & 0xffffL);
		UUID high = new UUID(1, entity.getLeastSignificantBits() & 0xffffL);
		UUID pending = UUID.randomUUID();
		UUID applied = UUID.randomUUID();
		UUID retrying = UUID.randomUUID();
		insert(pending, entity, "mongo", SyncState.PENDING, 1, 0, null, base);
		insert(applied, entity, "redis", SyncState.APPLIED, 1, 1, null, base.plusNanos(1_000));
		insert(low, entity, "mongo", SyncState.FAILED, 2, 1, "refused", base.plusMillis(5));
		insert(high, entity, "redis", SyncState.APPLIED, 2, 1, null, base.plusMillis(5));
		insert(retrying, entity, "mongo", SyncState.RETRYING, 3, 2, "catalog 'mongo' is unavailable",
				base.plusMillis(9));
		return List.of(retrying, low, high, applied, pending);
	}

	private void insert(UUID id, UUID entity, String target, SyncState state, long version, int attempts, String error,
			Instant at) {
		this.controlStore.client()
			.sql("INSERT INTO " + this.controlStore.table("sync_events")
					+ " (id, event_id, target, entity_type, entity_id, operation, version, source, state, attempts, "
					+ "error, payload, committed_at, created_at, updated_at) VALUES (:id, :eventId, :target, 'customer', "
					+ ":entity, 'UPDATE', :version, 'postgres', :state, :attempts, "
					+ ((error != null) ? ":error" : "NULL") + ", '{}'::jsonb, :at, :at, :at)")
			.bind("id", id)
			.bind("eventId", UUID.randomUUID())
			.bind("target", target)
			.bind("entity", entity)
			.bind("version", version)
			.bind("state", state.name())
			.bind("attempts", attempts)
			.bind("at", at.atOffset(ZoneOffset.UTC))
			.bindValues((error != null) ? Map.of("error", error) : Map.of())
			.then()
			.block(Duration.ofSeconds(10));
	}

	private GraphQlTester.Response request(Map<String, Object> variables) {
		return this.graphQl.document(QUERY).variables(variables).execute();
	}

	private Map<String, Object> syncEvents(UUID entityId, SyncState state, Integer first, String after) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("entityId", (entityId != null) ? entityId.toString() : null);
		variables.put("state", (state != null) ? state.name() : null);
		variables.put("first", first);
		variables.put("after", after);
		return request(variables).path("syncEvents").entity(MAP).get();
	}

	private static void assertBadRequest(GraphQlTester.Response response, String field) {
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("field", field);
		});
	}

	private static List<Object> ids(Map<String, Object> connection) {
		return edges(connection).stream().map((edge) -> node(edge).get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> edges(Map<String, Object> connection) {
		return (List<Map<String, Object>>) connection.get("edges");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> node(Map<String, Object> edge) {
		return (Map<String, Object>) edge.get("node");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> pageInfo(Map<String, Object> connection) {
		return (Map<String, Object>) connection.get("pageInfo");
	}
}
