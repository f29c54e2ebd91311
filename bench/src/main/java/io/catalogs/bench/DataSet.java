package io.catalogs.bench;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The fixed data set every run loads: {@code customers} customers with {@code invoicesPerCustomer}
 * invoices each, the same ids, values and timestamps on every run (fixed seed, fixed clock). Customer
 * {@code i} is created one second after customer {@code i - 1}, so the default order (oldest first)
 * is the order of {@code i}, and {@code customers(first: 100)} reads customers 0 to 99.
 */
final class DataSet {

	/** When customer 0 was created. */
	static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

	private static final long CUSTOMER_ID_HIGH = 0xbe4c_0000_0000_4000L;

	private static final long INVOICE_ID_HIGH = 0xbe4c_1111_0000_4000L;

	private static final String[] FIRST = { "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
			"John", "Margaret", "Ken", "Radia", "Leslie" };

	private static final String[] LAST = { "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
			"Backus", "Hamilton", "Thompson", "Perlman", "Lamport", "Hoare" };

	private static final String[] CURRENCIES = { "EUR", "USD", "GBP", "CHF" };

	private final List<Entity> customers;

	private final List<Entity> invoices;

	private DataSet(List<Entity> customers, List<Entity> invoices) {
		this.customers = customers;
		this.invoices = invoices;
	}

	/** The data set of that size; the same arguments always give the same entities. */
	static DataSet of(int customers, int invoicesPerCustomer) {
		Random random = new Random(20250101L);
		List<Entity> customerEntities = new ArrayList<>(customers);
		List<Entity> invoiceEntities = new ArrayList<>(customers * invoicesPerCustomer);
		InvoiceStatus[] statuses = InvoiceStatus.values();
		for (int i = 0; i < customers; i++) {
			Instant created = EPOCH.plusSeconds(i);
			UUID id = customerId(i);
			String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length] + " " + i;
			customerEntities.add(Entity.create(EntityTypes.CUSTOMER, id, created,
					Map.of(Customer.NAME, name, Customer.EMAIL, String.format("customer%05d@bench.example", i),
							Customer.PHONE, String.format("+4420%07d", i), Customer.METADATA,
							Map.of("tier", (i % 10 == 0) ? "gold" : "standard", "index", i))));
			for (int n = 0; n < invoicesPerCustomer; n++) {
				Instant issued = created.plus(Duration.ofDays(n * 30L + 1));
				invoiceEntities.add(Entity.create(EntityTypes.INVOICE,
						new UUID(INVOICE_ID_HIGH, 0x8000_0000_0000_0000L | ((long) i * 1000 + n)),
						created.plusMillis(n + 1),
						Map.of(Invoice.CUSTOMER_ID, id, Invoice.NUMBER, String.format("INV-B%05d-%d", i, n + 1),
								Invoice.AMOUNT, BigDecimal.valueOf(1_000 + random.nextInt(999_000), 2),
								Invoice.CURRENCY, CURRENCIES[random.nextInt(CURRENCIES.length)], Invoice.STATUS,
								statuses[random.nextInt(statuses.length)].name(), Invoice.ISSUED_AT, issued,
								Invoice.DUE_AT, issued.plus(Duration.ofDays(30)))));
			}
		}
		return new DataSet(List.copyOf(customerEntities), List.copyOf(invoiceEntities));
	}

	/** The id of customer {@code i}. */
	static UUID customerId(int i) {
		return new UUID(CUSTOMER_ID_HIGH, 0x8000_0000_0000_0000L | i);
	}

	List<Entity> customers() {
		return this.customers;
	}

	List<Entity> invoices() {
		return this.invoices;
	}

	int size() {
		return this.customers.size() + this.invoices.size();
	}
}
