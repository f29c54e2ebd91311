package io.catalogs.postgres;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.Invoice;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static io.catalogs.schema.EntityTypes.CUSTOMER;
import static io.catalogs.schema.EntityTypes.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the contract tests cannot see: the schema the migrations create, how many statements each
 * operation costs, that listings are served by their indexes, and writes joining a transaction.
 */
class PostgresCatalogStatementsIT {

	private static final String SCHEMA = "statements";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123Z");

	private static PostgresCatalogFactory factory;

	private static PostgresCatalog catalog;

	private static DatabaseClient sql;

	@BeforeAll
	static void createCatalog() {
		factory = new PostgresCatalogFactory();
		catalog = factory.create(TestPostgres.definition("counted"), TestPostgres.properties(SCHEMA));
		sql = DatabaseClient.create(catalog.connectionFactory());
	}

	@AfterAll
	static void closeCatalog() {
		catalog.close().block(TIMEOUT);
	}

	@BeforeEach
	void clear() {
		sql.sql("TRUNCATE " + SCHEMA + ".customers, " + SCHEMA + ".invoices").then().block(TIMEOUT);
	}

	@Test
	void migrationsCreateTheTablesAndListingIndexesInTheConfiguredSchema() {
		List<String> indexes = sql.sql("SELECT indexname FROM pg_indexes WHERE schemaname = $1")
			.bind(0, SCHEMA)
			.mapValue(String.class)
			.all()
			.collectList()
			.block(TIMEOUT);
		assertThat(indexes).contains("customers_pkey", "customers_email", "customers_created_at",
				"customers_updated_at", "customers_name_trgm", "invoices_pkey", "invoices_customer_created_at",
				"invoices_status_created_at", "invoices_created_at", "invoices_issued_at", "invoices_amount");
	}

	@Test
	void getManyIsOneStatement() {
		List<Entity> customers = createCustomers(3);
		List<UUID> ids = new ArrayList<>(customers.stream().map(Entity::id).toList());
		ids.add(UUID.randomUUID());
		List<Entity> found = counting(1, () -> catalog.getMany(CUSTOMER, ids).collectList());
		assertThat(found).hasSize(3);
	}

	@Test
	void listGroupedIsOneStatementWhateverTheNumberOfGroups() {
		List<Entity> customers = createCustomers(3);
		for (int i = 0; i < 9; i++) {
			block(catalog.create(invoice(customers.get(i % 3).id(), i)));
		}
		List<UUID> groups = customers.stream().map(Entity::id).toList();
		Map<Object, Page> pages = counting(1,
				() -> catalog.listGrouped(INVOICE, Invoice.CUSTOMER_ID, groups, PageRequest.first(2)));
		assertThat(pages).hasSize(3).allSatisfy((customer, page) -> {
			assertThat(page.items()).hasSize(2);
			assertThat(page.hasNext()).isTrue();
		});
	}

	@Test
	void listAndGuardedWritesAreOneStatementEach() {
		Entity customer = createCustomers(1).get(0);
		counting(1, () -> catalog.list(CUSTOMER, PageRequest.first(10).where(Condition.contains(Customer.NAME, "x"))));
		counting(1, () -> catalog.update(CUSTOMER, customer.id(), Map.of(Customer.PHONE, "+1"), 1L, T0));
		counting(1, () -> catalog.applyIfNewer(customer.withChanges(Map.of(), T0).withChanges(Map.of(), T0)));
		counting(1, () -> catalog.delete(CUSTOMER, customer.id(), 3L, T0));
	}

	@Test
	void listingsAreServedByTheirIndexesInEitherDirection() {
		Entity customer = createCustomers(1).get(0);
		// enough rows, with statistics (and the trigram index's pending list flushed, as autovacuum
		// does), for the planner to choose as it would in production
		sql.sql("INSERT INTO " + SCHEMA + ".customers (id, version, created_at, updated_at, name, email)"
				+ " SELECT gen_random_uuid(), 1, now(), now(), 'Customer ' || n, 'c' || n || '@example.com'"
				+ " FROM generate_series(1, 5000) n").then().block(TIMEOUT);
		sql.sql("VACUUM ANALYZE " + SCHEMA + ".customers").then().block(TIMEOUT);
		Cursor cursor = Cursor.of(customer, Sort.desc(EntityType.UPDATED_AT));
		assertOrderedByIndex(CUSTOMER, PageRequest.first(10), "customers_created_at");
		assertOrderedByIndex(CUSTOMER, PageRequest.first(10).fromEnd(), "customers_created_at");
		assertOrderedByIndex(CUSTOMER,
				PageRequest.first(10).sortedBy(Sort.desc(EntityType.UPDATED_AT)).after(cursor), "customers_updated_at");
		assertOrderedByIndex(CUSTOMER, PageRequest.first(10).where(Condition.eq(Customer.EMAIL, "a@example.com")),
				"customers_email");
		assertOrderedByIndex(INVOICE, PageRequest.first(10).where(Condition.eq(Invoice.STATUS, "OPEN")),
				"invoices_status_created_at");
		assertOrderedByIndex(INVOICE, PageRequest.first(10).sortedBy(Sort.desc(Invoice.AMOUNT)), "invoices_amount");
		assertOrderedByIndex(INVOICE, PageRequest.first(10).sortedBy(Sort.asc(Invoice.ISSUED_AT)),
				"invoices_issued_at");
		// a trigram match is unordered: the matches are sorted, but found through the index
		assertThat(explain(ListingStatements.page(mapping(CUSTOMER),
				PageRequest.first(10).where(Condition.contains(Customer.NAME, "mer 123")))))
			.contains("customers_name_trgm");
		String grouped = explain(ListingStatements.grouped(mapping(INVOICE), Invoice.CUSTOMER_ID,
				List.of(customer.id(), UUID.randomUUID()), PageRequest.first(3)));
		assertThat(grouped).contains("invoices_customer_created_at");
	}

	@Test
	void writesJoinTheTransactionInProgressAndRollBackWithIt() {
		TransactionalOperator transaction = TransactionalOperator
			.create(new R2dbcTransactionManager(catalog.connectionFactory()));
		Entity rolledBack = customer(1);
		Mono<Entity> failing = catalog.create(rolledBack).then(Mono.error(new IllegalStateException("outbox failed")));
		assertThatThrownBy(() -> failing.as(transaction::transactional).block(TIMEOUT))
			.hasMessageContaining("outbox failed");
		assertThat(catalog.get(CUSTOMER, rolledBack.id()).blockOptional(TIMEOUT)).isEmpty();
		Entity committed = customer(2);
		catalog.create(committed)
			.then(sql.sql("SELECT 1").then())
			.as(transaction::transactional)
			.block(TIMEOUT);
		assertThat(catalog.get(CUSTOMER, committed.id()).blockOptional(TIMEOUT)).isPresent();
	}

	/** The listing reads the index in its order: no sort step. */
	private void assertOrderedByIndex(EntityType type, PageRequest request, String index) {
		String plan = explain(ListingStatements.page(mapping(type), request));
		assertThat(plan).as("plan of %s", request).contains(index).doesNotContain("Sort");
	}

	/** The plan of a statement with sequential scans ruled out, as on a table too large to scan. */
	private String explain(BoundSql statement) {
		TransactionalOperator transaction = TransactionalOperator
			.create(new R2dbcTransactionManager(catalog.connectionFactory()));
		return sql.sql("SET LOCAL enable_seqscan = off")
			.then()
			.then(sql.sql("EXPLAIN " + statement.sql())
				.bindValues(statement.parameters())
				.mapValue(String.class)
				.all()
				.collectList())
			.as(transaction::transactional)
			.map(lines -> String.join("\n", lines))
			.block(TIMEOUT);
	}

	private static TableMapping mapping(EntityType type) {
		return PostgresTables.mappings(List.of(type), SCHEMA, JsonMapper.builder().build())
			.get(type);
	}

	private <T> T counting(int expectedStatements, Supplier<Mono<T>> call) {
		double before = statements();
		T result = block(call.get());
		assertThat(statements() - before).as("statements sent").isEqualTo(expectedStatements);
		return result;
	}

	private double statements() {
		return factory.meterRegistry().get("catalog.statements").tag("catalog", "counted").counter().count();
	}

	private List<Entity> createCustomers(int count) {
		List<Entity> customers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			customers.add(block(catalog.create(customer(i))));
		}
		return customers;
	}

	private static Entity customer(int i) {
		return Entity.create(CUSTOMER, UUID.randomUUID(), T0.plusSeconds(i),
				Map.of(Customer.NAME, "Customer " + i, Customer.EMAIL, "c" + i + "@example.com"));
	}

	private static Entity invoice(UUID customer, int i) {
		return Entity.create(INVOICE, UUID.randomUUID(), T0.plusSeconds(i),
				Map.of(Invoice.CUSTOMER_ID, customer, Invoice.NUMBER, "INV-" + i, Invoice.AMOUNT,
						new BigDecimal("10.50"), Invoice.CURRENCY, "EUR", Invoice.STATUS, "OPEN"));
	}

	private static <T> T block(Mono<T> mono) {
		return mono.block(TIMEOUT);
	}
}
