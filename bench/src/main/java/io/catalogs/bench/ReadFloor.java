package io.catalogs.bench;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor under the read scenario: the same rows as {@code customers(first: 100) { ... invoices(first: 5) }}
 * fetched by plain R2DBC in this process (two statements on one pooled connection: the first 100
 * customers in the default order, then the first 5 invoices of each in one windowed statement) and
 * streamed with Jackson into the same JSON document the gateway answers. No GraphQL, no HTTP.
 */
final class ReadFloor implements AutoCloseable {

	private static final String CUSTOMERS = "SELECT id, name, email FROM customers WHERE NOT deleted "
			+ "ORDER BY created_at ASC NULLS FIRST, id ASC LIMIT 100";

	private static final String INVOICES = "SELECT customer_id, id, amount, currency, status FROM ("
			+ "SELECT customer_id, id, amount, currency, status, row_number() OVER (PARTITION BY customer_id "
			+ "ORDER BY created_at ASC NULLS FIRST, id ASC) AS window_row FROM invoices "
			+ "WHERE customer_id = ANY($1) AND NOT deleted) windows WHERE window_row <= 5 ORDER BY window_row";

	private final ConnectionPool pool;

	private final JsonMapper json;

	private ReadFloor(ConnectionPool pool, JsonMapper json) {
		this.pool = pool;
		this.json = json;
	}

	/** A floor on the primary at {@code stores}, with a pool of {@code poolSize} connections (the catalog's default is 10). */
	static ReadFloor open(StoreEndpoints stores, int poolSize, JsonMapper json) {
		ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(stores.postgresUrl()).mutate();
		if (stores.postgresUsername() != null) {
			options.option(ConnectionFactoryOptions.USER, stores.postgresUsername());
		}
		if (stores.postgresPassword() != null && !stores.postgresPassword().isEmpty()) {
			options.option(ConnectionFactoryOptions.PASSWORD, stores.postgresPassword());
		}
		ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration
			.builder(ConnectionFactories.get(options.build()))
			.name("bench-floor")
			.initialSize(poolSize)
			.maxSize(poolSize)
			.maxAcquireTime(Duration.ofSeconds(30))
			.build());
		return new ReadFloor(pool, json);
	}

	/** One "request": the JSON document of the first 100 customers with their first 5 invoices. */
	Mono<byte[]> read() {
		return Mono.usingWhen(this.pool.create(), this::read, Connection::close);
	}

	private Mono<byte[]> read(Connection connection) {
		return Flux.from(connection.createStatement(CUSTOMERS).execute())
			.flatMap((result) -> result.map((row, metadata) -> new CustomerRow(row.get("id", UUID.class),
					row.get("name", String.class), row.get("email", String.class))))
			.collectList()
			.flatMap((customers) -> {
				UUID[] ids = customers.stream().map(CustomerRow::id).toArray(UUID[]::new);
				return Flux.from(connection.createStatement(INVOICES).bind("$1", ids).execute())
					.flatMap((result) -> result.map((row, metadata) -> new InvoiceRow(row.get("customer_id", UUID.class),
							row.get("id", UUID.class), row.get("amount", BigDecimal.class),
							row.get("currency", String.class), row.get("status", String.class))))
					.collectList()
					.map((invoices) -> write(customers, invoices));
			});
	}

	private byte[] write(List<CustomerRow> customers, List<InvoiceRow> invoices) {
		Map<UUID, List<InvoiceRow>> byCustomer = new HashMap<>();
		for (InvoiceRow invoice : invoices) {
			byCustomer.computeIfAbsent(invoice.customerId(), (id) -> new ArrayList<>(5)).add(invoice);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName("data");
			generator.writeStartObject();
			generator.writeName("customers");
			generator.writeStartObject();
			generator.writeName("edges");
			generator.writeStartArray();
			for (CustomerRow customer : customers) {
				generator.writeStartObject();
				generator.writeName("node");
				generator.writeStartObject();
				generator.writeStringProperty("id", customer.id().toString());
				generator.writeStringProperty("name", customer.name());
				generator.writeStringProperty("email", customer.email());
				generator.writeName("invoices");
				generator.writeStartObject();
				generator.writeName("edges");
				generator.writeStartArray();
				for (InvoiceRow invoice : byCustomer.getOrDefault(customer.id(), List.of())) {
					generator.writeStartObject();
					generator.writeName("node");
					generator.writeStartObject();
					generator.writeStringProperty("id", invoice.id().toString());
					generator.writeName("amount");
					generator.writeNumber(invoice.amount());
					generator.writeStringProperty("currency", invoice.currency());
					generator.writeStringProperty("status", invoice.status());
					generator.writeEndObject();
					generator.writeEndObject();
				}
				generator.writeEndArray();
				generator.writeEndObject();
				generator.writeEndObject();
				generator.writeEndObject();
			}
			generator.writeEndArray();
			generator.writeEndObject();
			generator.writeEndObject();
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	@Override
	public void close() {
		this.pool.disposeLater().block(Duration.ofSeconds(10));
	}

	private record CustomerRow(UUID id, String name, String email) {
	}

	private record InvoiceRow(UUID customerId, UUID id, BigDecimal amount, String currency, String status) {
	}
}
