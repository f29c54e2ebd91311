package io.catalogs.mongo;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Operator;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;
import io.catalogs.spi.support.EntityMatcher;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Mongo catalog keeps in MongoDB: collections, document layout, indexes and capabilities. */
class MongoCatalogStorageIT {

	private static final String DATABASE = "storage";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123Z");

	private static MongoCatalog catalog;

	@BeforeAll
	static void createCatalog() {
		catalog = MongoTestServer.catalog("mongo-storage", DATABASE);
	}

	@AfterAll
	static void closeCatalog() {
		catalog.close().block(TIMEOUT);
	}

	@BeforeEach
	void clear() {
		MongoTestServer.clear(DATABASE);
	}

	@Test
	void createsIndexesForFiltersAndSortFieldsAtStart() {
		assertThat(indexKeys("customers")).contains(keys("_id"), keys("createdAt", "_id"), keys("updatedAt", "_id"),
				keys("email"));
		assertThat(indexKeys("invoices")).contains(keys("createdAt", "_id"), keys("updatedAt", "_id"),
				keys("customerId", "createdAt", "_id"), keys("status", "createdAt", "_id"), keys("amount", "_id"),
				keys("issuedAt", "_id"), keys("dueAt", "_id"));
	}

	@Test
	void storesEntitiesInTheDocumentedLayout() {
		UUID customerId = UUID.randomUUID();
		Entity invoice = invoice(UUID.randomUUID(), customerId, "19.90", null);
		Entity customer = Entity.create(EntityTypes.CUSTOMER, customerId, T0, Map.of("name", "Ada", "email", "ada@example.com",
				"metadata", Map.of("tier", "gold", "score", 42, "tags", List.of("a", 1.5, true), "address", Map.of("city", "London"))));
		block(catalog.create(invoice));
		block(catalog.create(customer));

		Document stored = raw("invoices", invoice.id());
		assertThat(stored.get("_id")).isEqualTo(invoice.id().toString());
		assertThat(stored.get("customerId")).isEqualTo(customerId.toString());
		assertThat(stored.get("amount")).isEqualTo(new Decimal128(new BigDecimal("19.90")));
		assertThat(stored.get("status")).isEqualTo("OPEN");
		assertThat(stored.get("issuedAt")).isEqualTo(Date.from(T0));
		assertThat(stored).doesNotContainKey("dueAt");
		assertThat(stored.get("version")).isEqualTo(1L);
		assertThat(stored.get("createdAt")).isEqualTo(Date.from(T0));
		assertThat(stored.get("updatedAt")).isEqualTo(Date.from(T0));
		assertThat(stored.get("deleted")).isEqualTo(false);

		Document metadata = raw("customers", customerId).get("metadata", Document.class);
		assertThat(metadata.get("score")).isEqualTo(42);
		assertThat(metadata.get("address", Document.class).get("city")).isEqualTo("London");
		assertThat(metadata.getList("tags", Object.class)).containsExactly("a", 1.5, true);
	}

	@Test
	void keepsTheScaleOfDecimals() {
		Entity invoice = invoice(UUID.randomUUID(), UUID.randomUUID(), "19.90", null);
		block(catalog.create(invoice));

		Entity read = block(catalog.get(EntityTypes.INVOICE, invoice.id()));
		assertThat((BigDecimal) read.get(Invoice.AMOUNT)).isEqualTo(new BigDecimal("19.90"));
	}

	@Test
	void keepsDeletedEntitiesAsTombstoneDocuments() {
		Entity invoice = block(catalog.create(invoice(UUID.randomUUID(), UUID.randomUUID(), "5", null)));

		block(catalog.delete(EntityTypes.INVOICE, invoice.id(), 1L, T0.plusSeconds(1)));

		Document stored = raw("invoices", invoice.id());
		assertThat(stored.get("deleted")).isEqualTo(true);
		assertThat(stored.get("version")).isEqualTo(2L);
		assertThat(stored.get("updatedAt")).isEqualTo(Date.from(T0.plusSeconds(1)));
		StepVerifier.create(catalog.get(EntityTypes.INVOICE, invoice.id())).expectComplete().verify(TIMEOUT);
	}

	@Test
	void comparesTimestampsWithFinerThanMillisecondBoundsLikeTheReference() {
		List<Entity> invoices = List.of(invoice(UUID.randomUUID(), UUID.randomUUID(), "1", T0),
				invoice(UUID.randomUUID(), UUID.randomUUID(), "2", T0.plusMillis(1)),
				invoice(UUID.randomUUID(), UUID.randomUUID(), "3", T0.minusMillis(1)));
		invoices.forEach(invoice -> block(catalog.create(invoice)));
		Instant between = T0.plusNanos(500_000);

		for (Operator operator : List.of(Operator.EQ, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE)) {
			PageRequest request = PageRequest.first(10).where(new Condition(Invoice.ISSUED_AT, operator, between))
				.sortedBy(Sort.asc(Invoice.ISSUED_AT));
			Page expected = EntityMatcher.window(invoices.stream(), request);
			assertThat(block(catalog.list(EntityTypes.INVOICE, request)).items()).as("issuedAt %s %s", operator, between)
				.extracting(Entity::id)
				.containsExactlyElementsOf(expected.items().stream().map(Entity::id).toList());
		}
	}

	@Test
	void declaresServerSideFiltersSortsAndBackwardPagingButNoTransactions() {
		assertThat(catalog.capabilities()).contains(Capability.BACKWARD_PAGING,
				Capability.filter(EntityTypes.CUSTOMER, "email", Operator.EQ),
				Capability.filter(EntityTypes.CUSTOMER, "name", Operator.CONTAINS),
				Capability.filter(EntityTypes.CUSTOMER, "updatedAt", Operator.GT),
				Capability.filter(EntityTypes.INVOICE, "amount", Operator.GTE),
				Capability.filter(EntityTypes.INVOICE, "customerId", Operator.EQ),
				Capability.sort(EntityTypes.INVOICE, "amount"), Capability.sort(EntityTypes.CUSTOMER, "name"));
		assertThat(catalog.capabilities()).doesNotContain(Capability.TRANSACTIONS,
				Capability.filter(EntityTypes.CUSTOMER, "metadata", Operator.EQ),
				Capability.sort(EntityTypes.CUSTOMER, "metadata"),
				Capability.filter(EntityTypes.INVOICE, "amount", Operator.CONTAINS));
	}

	@Test
	void unwrapsToTheDriverDatabaseAndClient() {
		assertThat(catalog.unwrap(MongoDatabase.class)).get().extracting(MongoDatabase::getName).isEqualTo(DATABASE);
		assertThat(catalog.unwrap(MongoClient.class)).isPresent();
		assertThat(catalog.unwrap(String.class)).isEmpty();
	}

	@Test
	void signalsAnErrorForTypesTheCatalogDoesNotHold() {
		MongoCatalog customersOnly = new MongoCatalogFactory().create(
				MongoTestServer.definition("customers-only", EntityTypes.CUSTOMER),
				MongoCatalogProperties.of(MongoTestServer.uri(DATABASE)));
		try {
			StepVerifier.create(customersOnly.get(EntityTypes.INVOICE, UUID.randomUUID()))
				.expectError(IllegalArgumentException.class)
				.verify(TIMEOUT);
		}
		finally {
			customersOnly.close().block(TIMEOUT);
		}
	}

	private static Entity invoice(UUID id, UUID customerId, String amount, Instant issuedAt) {
		Map<String, Object> attributes = new java.util.LinkedHashMap<>();
		attributes.put(Invoice.CUSTOMER_ID, customerId);
		attributes.put(Invoice.NUMBER, "INV-" + id);
		attributes.put(Invoice.AMOUNT, new BigDecimal(amount));
		attributes.put(Invoice.CURRENCY, "EUR");
		attributes.put(Invoice.STATUS, InvoiceStatus.OPEN.name());
		attributes.put(Invoice.ISSUED_AT, (issuedAt != null) ? issuedAt : T0);
		return Entity.create(EntityTypes.INVOICE, id, T0, attributes);
	}

	private static <T> T block(Mono<T> mono) {
		return mono.block(TIMEOUT);
	}

	private static Document raw(String collection, UUID id) {
		return block(Mono.from(MongoTestServer.database(DATABASE).getCollection(collection).find(new Document("_id", id.toString())).first()));
	}

	private static List<Document> indexKeys(String collection) {
		return block(Flux.from(MongoTestServer.database(DATABASE).getCollection(collection).listIndexes())
			.map(index -> index.get("key", Document.class))
			.collectList());
	}

	private static Document keys(String... fields) {
		Document keys = new Document();
		for (String field : fields) {
			keys.append(field, 1);
		}
		return keys;
	}
}
