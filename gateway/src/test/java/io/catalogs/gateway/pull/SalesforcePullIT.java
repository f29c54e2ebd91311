package io.catalogs.gateway.pull;

import io.catalogs.client.fake.Fault;
import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteObject;
import io.catalogs.gateway.inbound.InboundOutcome;
import io.catalogs.gateway.inbound.InboundWriter;
import io.catalogs.gateway.pull.PullScheduler.Target;
import io.catalogs.gateway.pull.SyncCursorStore.Claim;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.UnknownCatalogException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Incremental pulls from a Salesforce-compatible server end to end: contacts changed at the vendor
 * become writes to the primary with origin {@code sfpull}, fan out to the other catalogs holding
 * customers and never back to Salesforce; interrupted pulls neither miss nor repeat a change; the
 * gateway's own writes to Salesforce do not come back as new versions.
 */
class SalesforcePullIT extends PullITSupport {

	private static final String CATALOG = "sfpull";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	PullScheduler scheduler;

	@Autowired
	SyncCursorStore cursors;

	@Autowired
	CatalogRegistry registry;

	@Autowired
	ControlStore store;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	InboundWriter writer;

	@AfterEach
	void noFaults() {
		SALESFORCE_SERVER.faults((request) -> Fault.NONE);
	}

	@Test
	void tenThousandContactsSharingModstampsAcrossPagesArriveOnceThroughInterruptedPulls() {
		String token = token();
		Instant base = Instant.parse("2021-01-01T00:00:00Z").plusSeconds(Math.abs(token.hashCode() % 1_000_000));
		for (int i = 0; i < 10_000; i++) {
			// groups of 7 share one SystemModstamp: pages of 200 end inside groups
			SALESFORCE.seed("Contact", Map.of("FirstName", "Pat", "LastName", "N" + i, "Email", token + "-" + i + "@example.com"),
					base.plusSeconds(i / 7));
		}
		reset(base);
		// several pulls fail on a page fetch while a batch is being applied
		AtomicInteger queries = new AtomicInteger();
		Set<Integer> failing = Set.of(3, 9, 16, 24);
		SALESFORCE_SERVER.faults((request) -> (request.path().contains("/query") && failing.contains(queries.incrementAndGet()))
				? Fault.status(400) : Fault.NONE);
		for (int run = 0; run < failing.size(); run++) {
			assertThatThrownBy(() -> this.scheduler.pullNow(target()).block(WAIT)).isNotNull();
			SyncCursor cursor = cursor();
			assertThat(cursor.running()).isFalse();
			assertThat(cursor.lastError()).contains("HTTP 400").doesNotContain(FakeSalesforce.CLIENT_SECRET)
				.doesNotContain(FakeSalesforce.REFRESH_TOKEN);
		}
		assertThat(cursor().totalFetched()).isPositive();
		// one more is cancelled while it runs (the gateway stopping), its progress visible meanwhile
		Disposable running = this.scheduler.pullNow(target()).subscribe();
		await().atMost(WAIT).untilAsserted(() -> assertThat(cursorByGraphQl()).containsEntry("running", true)
			.hasEntrySatisfying("fetched", (fetched) -> assertThat((Integer) fetched).isGreaterThanOrEqualTo(600)));
		running.dispose();
		await().atMost(WAIT).until(() -> !cursor().running());

		PullResult last = this.scheduler.pullNow(target()).block(Duration.ofMinutes(2));

		assertThat(last).isNotNull();
		Map<String, Object> counts = primary().sql("SELECT count(*) AS n, count(DISTINCT email) AS emails, min(version) AS lo,"
				+ " max(version) AS hi FROM customers WHERE email LIKE :pattern AND NOT deleted")
			.bind("pattern", token + "-%")
			.fetch().one().block(WAIT);
		assertThat(counts).containsEntry("n", 10_000L).containsEntry("emails", 10_000L).containsEntry("lo", 1L)
			.containsEntry("hi", 1L);
		assertThat(this.store.client().sql("SELECT count(*) AS n FROM " + this.store.table("outbox")
				+ " WHERE payload->>'origin' = :origin AND payload->'entity'->'attributes'->>'email' LIKE :pattern")
			.bind("origin", CATALOG).bind("pattern", token + "-%")
			.map((row) -> row.get("n", Long.class)).one().block(WAIT)).isEqualTo(10_000L);
		SyncCursor cursor = cursor();
		assertThat(cursor.lastError()).isNull();
		assertThat(cursor.position()).isAfterOrEqualTo(base.plusSeconds(9_999 / 7));
		assertThat(cursorByGraphQl()).containsEntry("running", false).containsEntry("lastError", null);
	}

	@Test
	void aChangeMadeAtTheVendorReachesThePrimaryAndTheOtherCatalogsButNotSalesforce() {
		String token = token();
		pullAll();
		String remoteId = SALESFORCE.seed("Contact", Map.of("FirstName", "Grace", "LastName", token, "Email",
				token + "@example.com"), Instant.now());
		int before = SALESFORCE_SERVER.received().size();

		assertThat(pullAll().applied()).isEqualTo(1);
		UUID id = linked(remoteId);
		assertThat(customer("postgres", id).version()).isEqualTo(1);
		assertThat(customer("postgres", id).attributes()).containsEntry("name", "Grace " + token)
			.containsEntry("email", token + "@example.com");
		await().atMost(WAIT).untilAsserted(() -> assertThat(customer("redis", id)).isNotNull());

		SALESFORCE.edit("Contact", remoteId, Map.of("Phone", "+1 555 0199"));
		assertThat(pullAll().applied()).isEqualTo(1);

		assertThat(customer("postgres", id).version()).isEqualTo(2);
		assertThat(customer("postgres", id).attributes()).containsEntry("phone", "+1 555 0199");
		await().atMost(WAIT).untilAsserted(() -> assertThat(customer("redis", id).version()).isEqualTo(2));
		assertThat(syncTargets(id)).doesNotContain(CATALOG).contains("redis");
		assertThat(writesTo(remoteId, before)).isEmpty();

		SALESFORCE.remove("Contact", remoteId);
		assertThat(pullAll().applied()).isEqualTo(1);
		assertThat(this.registry.primary(EntityTypes.CUSTOMER).get(EntityTypes.CUSTOMER, id).blockOptional(WAIT)).isEmpty();
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.registry.find("redis").orElseThrow()
			.get(EntityTypes.CUSTOMER, id).blockOptional(WAIT)).isEmpty());
		assertThat(writesTo(remoteId, before)).isEmpty();
	}

	@Test
	void theGatewaysOwnWritesToSalesforceDoNotComeBackAsNewVersions() {
		String token = token();
		pullAll();
		Map<String, Object> created = this.graphQl
			.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }")
			.variable("input", Map.of("name", "Ada " + token, "email", token + "@example.com"))
			.execute().path("createCustomer").entity(MAP).get();
		UUID id = UUID.fromString((String) created.get("id"));
		await().atMost(WAIT).untilAsserted(() -> assertThat(appliedTargets(id)).contains(CATALOG));
		this.graphQl.document("mutation($id: ID!) { updateCustomer(id: $id, input: {phone: \"+1 555 0123\"}) { version } }")
			.variable("id", id.toString()).execute();
		await().atMost(WAIT).untilAsserted(() -> assertThat(appliedTargets(id)).filteredOn(CATALOG::equals).hasSize(2));

		PullResult echoes = pullAll();

		assertThat(echoes.fetched()).isGreaterThanOrEqualTo(1);
		assertThat(echoes.applied()).isZero();
		assertThat(customer("postgres", id).version()).isEqualTo(2);
		assertThat(events(id)).isEqualTo(2);
	}

	@Test
	void resetSyncCursorRereadsWithoutNewVersions() {
		String token = token();
		Instant base = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(Math.abs(token.hashCode() % 1_000_000));
		for (int i = 0; i < 30; i++) {
			SALESFORCE.seed("Contact", Map.of("LastName", "R" + i, "Email", token + "-" + i + "@example.com"),
					base.plusSeconds(i / 4));
		}
		reset(base);
		assertThat(pullAll().applied()).isGreaterThanOrEqualTo(30);

		Map<String, Object> reset = reset(base);
		PullResult again = pullAll();

		assertThat(reset).containsEntry("catalog", CATALOG).containsEntry("entityType", "customer")
			.containsEntry("position", base.toString().replace("Z", ".000Z"));
		assertThat(again.fetched()).isGreaterThanOrEqualTo(30);
		assertThat(again.applied()).isZero();
		assertThat(primary().sql("SELECT max(version) AS hi, count(*) AS n FROM customers WHERE email LIKE :pattern")
			.bind("pattern", token + "-%").fetch().one().block(WAIT)).containsEntry("hi", 1L).containsEntry("n", 30L);
	}

	@Test
	void resetSyncCursorRefusesUnknownCatalogsTypesAndCatalogsWithoutChangeFeed() {
		assertClassification(resetResponse("nowhere", "customer"), "UNKNOWN_CATALOG");
		assertClassification(resetResponse("redis", "customer"), "BAD_REQUEST");
		assertClassification(resetResponse(CATALOG, "planet"), "BAD_REQUEST");
		assertThat(this.graphQl.document("{ syncCursors { catalog entityType } }").execute()
			.path("syncCursors[*].catalog").entityList(String.class).get()).containsOnly(CATALOG);
	}

	@Test
	void oneInstanceAtATimeHoldsACursor() {
		Claim first = this.cursors.claim("leased", "customer", "instance-a", Duration.ofMinutes(1)).block(WAIT);
		assertThat(first).isNotNull();
		assertThat(this.cursors.claim("leased", "customer", "instance-b", Duration.ofMinutes(1)).blockOptional(WAIT)).isEmpty();
		// nor a second pull of the same instance (its schedule and pullNow)
		assertThat(this.cursors.claim("leased", "customer", "instance-a", Duration.ofMinutes(1)).blockOptional(WAIT)).isEmpty();
		assertThat(this.cursors.advance(first, Instant.parse("2024-01-01T00:00:00Z"), 5, 5).block(WAIT)).isTrue();
		assertThat(this.cursors.advance(first, Instant.parse("2023-01-01T00:00:00Z"), 0, 0).block(WAIT)).isTrue();
		this.cursors.release(first, null).block(WAIT);
		Claim second = this.cursors.claim("leased", "customer", "instance-b", Duration.ofMinutes(1)).block(WAIT);
		// the cursor only moved forward
		assertThat(second.position()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
		this.cursors.reset("leased", "customer", null).block(WAIT);
		assertThat(this.cursors.advance(second, Instant.parse("2025-01-01T00:00:00Z"), 1, 1).block(WAIT)).isFalse();
		this.cursors.release(second, null).block(WAIT);
	}

	@Test
	void aReportedChangeIsAppliedOnceAndNotBeforeANewerOne() {
		String token = token();
		String remoteId = "003WH" + token;
		Instant at = Instant.now();
		RemoteChange reported = new RemoteChange(new RemoteObject(remoteId, Map.of("FirstName", "Lin", "LastName", token,
				"Email", token + "@example.com")), at, false);

		InboundOutcome first = this.writer.apply(CATALOG, EntityTypes.CUSTOMER, reported).block(WAIT);
		InboundOutcome again = this.writer.apply(CATALOG, EntityTypes.CUSTOMER, reported).block(WAIT);
		InboundOutcome older = this.writer.apply(CATALOG, EntityTypes.CUSTOMER, new RemoteChange(new RemoteObject(remoteId,
				Map.of("LastName", "Older", "Email", token + "@example.com")), at.minusSeconds(1), false)).block(WAIT);

		assertThat(first.kind()).isEqualTo(InboundOutcome.Kind.CREATED);
		assertThat(first.entityId()).isEqualTo(linked(remoteId));
		assertThat(again.kind()).isEqualTo(InboundOutcome.Kind.DUPLICATE);
		assertThat(older.kind()).isEqualTo(InboundOutcome.Kind.DUPLICATE);
		assertThat(customer("postgres", first.entityId()).attributes()).containsEntry("name", "Lin " + token);
		assertThat(customer("postgres", first.entityId()).version()).isEqualTo(1);
		assertThatThrownBy(() -> this.writer.apply("redis", EntityTypes.CUSTOMER, reported).block(WAIT))
			.isInstanceOf(UnknownCatalogException.class);
	}

	@Test
	void theSchedulePullsEveryCursorUntilStopped() {
		String token = token();
		pullAll();
		PullProperties properties = new PullProperties(true, Duration.ofMillis(200), Duration.ZERO, 50, 4, Duration.ZERO,
				Duration.ofMinutes(1), Map.of());
		PullScheduler schedule = new PullScheduler(this.registry,
				new CatalogPuller(this.cursors, this.writer, properties, "schedule-test"), properties);
		schedule.start();
		try {
			String first = SALESFORCE.seed("Contact", Map.of("LastName", "S1", "Email", token + "-1@example.com"), Instant.now());
			await().atMost(WAIT).until(() -> linkedOrNull(first) != null);
			String second = SALESFORCE.seed("Contact", Map.of("LastName", "S2", "Email", token + "-2@example.com"), Instant.now());
			await().atMost(WAIT).until(() -> linkedOrNull(second) != null);
		}
		finally {
			schedule.stop();
		}
		assertThat(schedule.isRunning()).isFalse();
		await().atMost(WAIT).until(() -> !cursor().running());
		String third = SALESFORCE.seed("Contact", Map.of("LastName", "S3", "Email", token + "-3@example.com"), Instant.now());
		// five intervals of the stopped schedule
		await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
		assertThat(linkedOrNull(third)).isNull();
	}

	private PullResult pullAll() {
		return this.scheduler.pullNow(target()).block(WAIT);
	}

	private Target target() {
		return this.scheduler.target(CATALOG, EntityTypes.CUSTOMER).orElseThrow();
	}

	private SyncCursor cursor() {
		return this.cursors.all().filter((c) -> c.catalog().equals(CATALOG)).blockFirst(WAIT);
	}

	private Map<String, Object> cursorByGraphQl() {
		return this.graphQl.document("query($c: String) { syncCursors(catalog: $c) { catalog entityType position running "
				+ "fetched applied totalFetched lastError } }")
			.variable("c", CATALOG).execute().path("syncCursors[0]").entity(MAP).get();
	}

	private Map<String, Object> reset(Instant to) {
		return this.graphQl.document("mutation($to: DateTime) { resetSyncCursor(catalog: \"sfpull\", entityType: \"customer\", "
				+ "to: $to) { catalog entityType position } }")
			.variable("to", (to != null) ? to.toString() : null).execute().path("resetSyncCursor").entity(MAP).get();
	}

	private GraphQlTester.Response resetResponse(String catalog, String entityType) {
		return this.graphQl.document("mutation($c: String!, $t: String!) { resetSyncCursor(catalog: $c, entityType: $t) "
				+ "{ catalog } }").variable("c", catalog).variable("t", entityType).execute();
	}

	private static void assertClassification(GraphQlTester.Response response, String classification) {
		response.errors().satisfy((errors) -> assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", classification)));
	}

	private DatabaseClient primary() {
		return DatabaseClient.create(this.registry.primary(EntityTypes.CUSTOMER).unwrap(ConnectionFactory.class).orElseThrow());
	}

	private Entity customer(String catalog, UUID id) {
		return this.registry.find(catalog).orElseThrow().get(EntityTypes.CUSTOMER, id).block(WAIT);
	}

	private UUID linked(String remoteId) {
		UUID id = linkedOrNull(remoteId);
		assertThat(id).as("entity linked to %s", remoteId).isNotNull();
		return id;
	}

	private UUID linkedOrNull(String remoteId) {
		return this.store.client().sql("SELECT entity_id FROM " + this.store.table("api_links")
				+ " WHERE catalog = :catalog AND remote_id = :remote")
			.bind("catalog", CATALOG).bind("remote", remoteId)
			.map((row) -> row.get("entity_id", UUID.class)).one().blockOptional(WAIT).orElse(null);
	}

	private List<String> syncTargets(UUID id) {
		return column("target", id, "true");
	}

	private List<String> appliedTargets(UUID id) {
		return column("target", id, "state = 'APPLIED'");
	}

	private List<String> column(String column, UUID id, String condition) {
		return this.store.client().sql("SELECT " + column + " FROM " + this.store.table("sync_events")
				+ " WHERE entity_id = :id AND " + condition)
			.bind("id", id).map((row) -> row.get(column, String.class)).all().collectList().block(WAIT);
	}

	private long events(UUID id) {
		return this.store.client().sql("SELECT count(*) AS n FROM " + this.store.table("outbox") + " WHERE aggregateid = :id")
			.bind("id", id.toString()).map((row) -> row.get("n", Long.class)).one().block(WAIT);
	}

	/** The requests that changed the contact at Salesforce since request number {@code from}. */
	private static List<FakeExchange> writesTo(String remoteId, int from) {
		List<FakeExchange> received = SALESFORCE_SERVER.received();
		return received.subList(from, received.size()).stream()
			.filter((exchange) -> !exchange.method().equals("GET") && exchange.path().contains(remoteId))
			.toList();
	}

	private static String token() {
		return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}
}
