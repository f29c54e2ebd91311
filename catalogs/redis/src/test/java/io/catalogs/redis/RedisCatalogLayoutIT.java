package io.catalogs.redis;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;
import io.catalogs.spi.support.EntityMatcher;
import io.catalogs.tck.SampleEntities;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static io.catalogs.schema.EntityTypes.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

/** What the Redis catalog leaves in Redis, and how it chooses what to read: the layout its Javadoc promises. */
class RedisCatalogLayoutIT {

	private static final CatalogDefinition DEFINITION = new CatalogDefinition("redis-layout", "redis",
			CatalogRole.SECONDARY, Set.copyOf(EntityTypes.all()));

	private static final Instant T0 = SampleEntities.T0;

	private static RedisCatalog catalog;

	private static RedisClient admin;

	private static StatefulRedisConnection<String, String> connection;

	private static RedisCommands<String, String> redis;

	@BeforeAll
	static void connect() {
		// database 1 and a prefix of its own, so the contract tests' FLUSHDB of database 0 does not interfere
		String uri = EmbeddedRedis.shared().uri().replaceAll("/0$", "/1");
		catalog = RedisCatalog.create(DEFINITION, RedisCatalogProperties.of(uri).withKeyPrefix("layout"));
		admin = RedisClient.create(uri);
		connection = admin.connect();
		redis = connection.sync();
	}

	@AfterAll
	static void disconnect() {
		catalog.close().block();
		connection.close();
		admin.shutdown();
	}

	@BeforeEach
	void clear() {
		redis.flushdb();
	}

	@Test
	void storesOneHashAndTheDocumentedIndexEntries() {
		Entity invoice = invoice(UUID.randomUUID(), "19.90", "OPEN", "EUR", T0.plusSeconds(5), null);
		catalog.create(invoice).block();
		String id = invoice.id().toString();
		String customer = invoice.get(Invoice.CUSTOMER_ID).toString();
		assertThat(redis.keys("layout:*")).containsExactlyInAnyOrder("layout:invoice:" + id,
				"layout:invoice:sort:createdAt", "layout:invoice:sort:updatedAt", "layout:invoice:sort:amount",
				"layout:invoice:sort:issuedAt", "layout:invoice:sort:dueAt", "layout:invoice:eq:customerId:" + customer,
				"layout:invoice:eq:number:INV-" + id.substring(0, 8), "layout:invoice:eq:currency:EUR",
				"layout:invoice:eq:status:OPEN");
		Map<String, String> hash = redis.hgetall("layout:invoice:" + id);
		assertThat(hash).containsEntry("_version", "1")
			.containsEntry("_createdAt", Long.toString(T0.toEpochMilli()))
			.containsEntry("_deleted", "0")
			.containsEntry("amount", "19.90")
			.containsEntry("issuedAt", Long.toString(T0.plusSeconds(5).toEpochMilli()))
			.containsEntry("customerId", customer)
			.doesNotContainKey("dueAt");
		String byCreation = "=" + RedisValueCodec.sortKey(io.catalogs.schema.FieldType.TIMESTAMP, T0) + "\0" + id;
		assertThat(redis.zrange("layout:invoice:sort:createdAt", 0, -1)).containsExactly(byCreation);
		assertThat(redis.zrange("layout:invoice:eq:status:OPEN", 0, -1)).containsExactly(byCreation);
		assertThat(redis.zrange("layout:invoice:sort:dueAt", 0, -1)).as("a missing value sorts first").containsExactly("\0" + id);
		assertThat(redis.zscore("layout:invoice:sort:amount", redis.zrange("layout:invoice:sort:amount", 0, -1).get(0)))
			.isZero();
	}

	@Test
	void writesMoveIndexEntriesAndADeleteLeavesOnlyTheTombstoneHash() {
		Entity invoice = catalog.create(invoice(UUID.randomUUID(), "19.90", "OPEN", "EUR", null, null)).block();
		catalog.update(INVOICE, invoice.id(), Map.of(Invoice.STATUS, "PAID"), 1L, T0.plusSeconds(60)).block();
		assertThat(redis.exists("layout:invoice:eq:status:OPEN")).isZero();
		assertThat(redis.zcard("layout:invoice:eq:status:PAID")).isEqualTo(1);
		assertThat(redis.zcard("layout:invoice:sort:updatedAt")).isEqualTo(1);

		catalog.delete(INVOICE, invoice.id(), 2L, T0.plusSeconds(120)).block();
		assertThat(redis.keys("layout:*")).containsExactly("layout:invoice:" + invoice.id());
		assertThat(redis.hgetall("layout:invoice:" + invoice.id())).containsEntry("_deleted", "1")
			.containsEntry("_version", "3")
			.containsEntry("_updatedAt", Long.toString(T0.plusSeconds(120).toEpochMilli()));
	}

	@Test
	void listingsNeverScanTheKeyspace() {
		List<Entity> data = seed(40);
		redis.configResetstat();
		List<PageRequest> requests = List.of(PageRequest.first(5), PageRequest.first(5).fromEnd(),
				PageRequest.first(3).sortedBy(Sort.desc(Invoice.AMOUNT)).where(Condition.eq(Invoice.STATUS, "PAID")),
				PageRequest.first(3).where(Condition.gt(EntityType.UPDATED_AT, T0.plusSeconds(30))),
				PageRequest.first(3).where(Condition.eq(Invoice.CURRENCY, "GBP"), Condition.eq(Invoice.STATUS, "OPEN")));
		for (PageRequest request : requests) {
			assertSameIds(catalog.list(INVOICE, request).block(), EntityMatcher.window(data.stream(), request));
		}
		String stats = redis.info("commandstats");
		assertThat(stats).contains("cmdstat_zrangebylex").doesNotContain("cmdstat_keys", "cmdstat_scan");
	}

	@Test
	void walksOnInGrowingChunksWhenMatchesAreSparseInTheChosenOrder() {
		// status matches one in two, currency one in four, both one in eight: the amount order is walked
		List<Entity> data = seed(80);
		PageRequest request = PageRequest.first(3).sortedBy(Sort.asc(Invoice.AMOUNT))
			.where(Condition.eq(Invoice.STATUS, "PAID"), Condition.eq(Invoice.CURRENCY, "GBP"));
		RedisListPlan plan = plan(request);
		assertThat(plan.indexKey()).isEqualTo("layout:invoice:sort:amount");
		assertThat(plan.ordered()).isTrue();
		redis.configResetstat();
		Page expected = EntityMatcher.window(data.stream(), request);
		assertThat(expected.items()).hasSize(3);
		assertSameIds(catalog.list(INVOICE, request).block(), expected);
		assertThat(redis.info("commandstats")).as("several chunks").containsPattern("cmdstat_zrangebylex:calls=[2-9]");
		PageRequest next = request.after(io.catalogs.spi.Cursor.of(expected.items().get(2), request.sort()));
		assertSameIds(catalog.list(INVOICE, next).block(), EntityMatcher.window(data.stream(), next));
	}

	@Test
	void choosesTheSmallestCandidate() {
		UUID many = UUID.randomUUID();
		UUID few = UUID.randomUUID();
		for (int i = 0; i < 30; i++) {
			catalog.create(invoiceOf(many, i, "PAID", T0.plusSeconds(i))).block();
		}
		catalog.create(invoiceOf(few, 30, "PAID", T0.plusSeconds(30))).block();
		catalog.create(invoiceOf(few, 31, "PAID", T0.plusSeconds(31))).block();

		assertThat(plan(PageRequest.first(5).where(Condition.eq(Invoice.STATUS, "PAID"),
				Condition.eq(Invoice.CUSTOMER_ID, few))).indexKey()).isEqualTo("layout:invoice:eq:customerId:" + few);
		assertThat(plan(PageRequest.first(5).where(Condition.eq(Invoice.CUSTOMER_ID, many),
				Condition.eq(Invoice.STATUS, "OPEN"))).indexKey()).isEqualTo("layout:invoice:eq:status:OPEN");
		RedisListPlan recent = plan(PageRequest.first(5).where(Condition.gte(EntityType.UPDATED_AT, T0.plusSeconds(31))));
		assertThat(recent.indexKey()).isEqualTo("layout:invoice:sort:updatedAt");
		assertThat(recent.ordered()).isFalse();
		RedisListPlan mostly = plan(PageRequest.first(5).where(Condition.gte(EntityType.UPDATED_AT, T0.plusSeconds(1))));
		assertThat(mostly.indexKey()).as("dense matches: walk the listing's own order").isEqualTo("layout:invoice:sort:createdAt");
		assertThat(mostly.ordered()).isTrue();
	}

	@Test
	void ordersDecimalsThatDoublesCannotTellApart() {
		List<String> amounts = List.of("0.10000000000000000002", "0.1", "0.10000000000000000001", "-0.1",
				"-0.10000000000000000001", "12345678901234567890.5", "12345678901234567890.4");
		List<Entity> data = new ArrayList<>();
		for (int i = 0; i < amounts.size(); i++) {
			data.add(catalog.create(invoice(UUID.randomUUID(), amounts.get(i), "OPEN", "EUR", null, null)).block());
		}
		PageRequest ascending = PageRequest.first(10).sortedBy(Sort.asc(Invoice.AMOUNT));
		assertThat(catalog.list(INVOICE, ascending).block().items()).extracting(e -> e.<BigDecimal>get(Invoice.AMOUNT))
			.extracting(BigDecimal::toPlainString)
			.containsExactly("-0.10000000000000000001", "-0.1", "0.1", "0.10000000000000000001",
					"0.10000000000000000002", "12345678901234567890.4", "12345678901234567890.5");
		PageRequest above = PageRequest.first(10).where(Condition.gt(Invoice.AMOUNT, new BigDecimal("0.10")));
		assertSameIds(catalog.list(INVOICE, above).block(), EntityMatcher.window(data.stream(), above));
		assertThat(catalog.list(INVOICE, above).block().items()).hasSize(4);
	}

	@Test
	void concurrentWritesLeaveTheEntityInExactlyOnePartition() {
		Entity invoice = catalog.create(invoice(UUID.randomUUID(), "1", "DRAFT", "EUR", null, null)).block();
		List<String> statuses = List.of("OPEN", "PAID", "VOID", "UNCOLLECTIBLE");
		Flux.range(0, 24)
			.flatMap(i -> Mono.defer(() -> catalog.update(INVOICE, invoice.id(),
					Map.of(Invoice.STATUS, statuses.get(i % 4)), null, T0.plusSeconds(i)))
				.subscribeOn(Schedulers.parallel()))
			.blockLast();
		Entity stored = catalog.get(INVOICE, invoice.id()).block();
		assertThat(stored.version()).isEqualTo(25);
		long memberships = 0;
		for (InvoiceStatus status : InvoiceStatus.values()) {
			memberships += redis.zcard("layout:invoice:eq:status:" + status);
		}
		assertThat(memberships).isEqualTo(1);
		assertThat(redis.zcard("layout:invoice:eq:status:" + stored.get(Invoice.STATUS))).isEqualTo(1);
		assertThat(redis.zcard("layout:invoice:sort:updatedAt")).isEqualTo(1);
	}

	@Test
	void keyPrefixesSeparateCatalogsInOneDatabase() {
		String uri = EmbeddedRedis.shared().uri().replaceAll("/0$", "/1");
		RedisCatalog other = RedisCatalog.create(DEFINITION, RedisCatalogProperties.of(uri).withKeyPrefix("other"));
		try {
			Entity invoice = other.create(invoice(UUID.randomUUID(), "1", "OPEN", "EUR", null, null)).block();
			assertThat(catalog.list(INVOICE, PageRequest.first(10)).block().items()).isEmpty();
			assertThat(catalog.get(INVOICE, invoice.id()).blockOptional()).isEmpty();
			assertThat(other.list(INVOICE, PageRequest.first(10)).block().items()).hasSize(1);
			assertThat(redis.keys("layout:*")).isEmpty();
		}
		finally {
			other.close().block();
		}
	}

	private static RedisEntityLayout layout() {
		return RedisEntityLayout.of(INVOICE, "layout");
	}

	private static RedisListPlan plan(PageRequest request) {
		RedisConnector connector = RedisConnector.create("plan",
				RedisCatalogProperties.of(EmbeddedRedis.shared().uri().replaceAll("/0$", "/1")));
		try {
			return new RedisListPlanner(connector).plan(layout(), request, null).block();
		}
		finally {
			connector.close().block();
		}
	}

	/** {@code count} invoices: every second one PAID (else OPEN), every fourth one GBP (else EUR). */
	private static List<Entity> seed(int count) {
		List<Entity> data = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Entity invoice = new Entity(INVOICE, UUID.randomUUID(), 1, T0.plusSeconds(i / 2), T0.plusSeconds(count - i),
					false, Map.of(Invoice.CUSTOMER_ID, UUID.randomUUID(), Invoice.NUMBER, "INV-" + i, Invoice.AMOUNT,
							new BigDecimal(i * 7 % 13 + "." + i), Invoice.CURRENCY, (i % 8 < 2) ? "GBP" : "EUR",
							Invoice.STATUS, (i % 2 == 0) ? "PAID" : "OPEN"));
			data.add(catalog.create(invoice).block());
		}
		return data;
	}

	private static Entity invoiceOf(UUID customer, int i, String status, Instant updatedAt) {
		return new Entity(INVOICE, UUID.randomUUID(), 1, T0, updatedAt, false, Map.of(Invoice.CUSTOMER_ID, customer,
				Invoice.NUMBER, "INV-" + i, Invoice.AMOUNT, BigDecimal.TEN, Invoice.CURRENCY, "EUR", Invoice.STATUS, status));
	}

	private static Entity invoice(UUID id, String amount, String status, String currency, Instant issuedAt,
			Instant dueAt) {
		java.util.HashMap<String, Object> attributes = new java.util.HashMap<>(Map.of(Invoice.CUSTOMER_ID,
				UUID.randomUUID(), Invoice.NUMBER, "INV-" + id.toString().substring(0, 8), Invoice.AMOUNT,
				new BigDecimal(amount), Invoice.CURRENCY, currency, Invoice.STATUS, status));
		attributes.put(Invoice.ISSUED_AT, issuedAt);
		attributes.put(Invoice.DUE_AT, dueAt);
		return new Entity(INVOICE, id, 1, T0, T0, false, attributes);
	}

	private static void assertSameIds(Page actual, Page expected) {
		assertThat(actual.items()).extracting(Entity::id).containsExactlyElementsOf(expected.items().stream().map(Entity::id).toList());
		assertThat(actual.hasPrevious()).isEqualTo(expected.hasPrevious());
		assertThat(actual.hasNext()).isEqualTo(expected.hasNext());
	}
}
