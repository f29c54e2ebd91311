package io.catalogs.gateway.embedded;

import io.catalogs.gateway.sync.ChangeRecorder;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.PageRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Fills an empty primary with a few dozen customers and their invoices on the embedded default, so
 * that GraphiQL has something to show; written through the {@link ChangeRecorder}, so the
 * secondaries receive them too. Deterministic (fixed seed); off with
 * {@code catalogs.embedded.seed=false}; does nothing when the primary already holds customers.
 */
@Component
@ConditionalOnProperty(name = { "catalogs.embedded.active", "catalogs.embedded.seed" }, havingValue = "true",
		matchIfMissing = false)
class DemoDataSeeder implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoDataSeeder.class);

	private static final String[] FIRST = { "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
			"John", "Margaret", "Ken", "Radia", "Leslie" };

	private static final String[] LAST = { "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
			"Backus", "Hamilton", "Thompson", "Perlman", "Lamport" };

	private static final String[] CURRENCIES = { "EUR", "USD", "GBP" };

	private final CatalogRegistry registry;

	private final ChangeRecorder changes;

	DemoDataSeeder(CatalogRegistry registry, ChangeRecorder changes) {
		this.registry = registry;
		this.changes = changes;
	}

	@Override
	public void run(ApplicationArguments args) {
		Catalog customers = this.registry.primary(EntityTypes.CUSTOMER);
		Catalog invoices = this.registry.primary(EntityTypes.INVOICE);
		Boolean empty = customers.list(EntityTypes.CUSTOMER, PageRequest.first(1))
			.map((page) -> page.items().isEmpty())
			.onErrorReturn(false)
			.block(Duration.ofSeconds(30));
		if (!Boolean.TRUE.equals(empty)) {
			return;
		}
		Random random = new Random(42);
		Instant start = Instant.now().minus(90, ChronoUnit.DAYS);
		List<Entity> customerEntities = new ArrayList<>();
		List<Entity> invoiceEntities = new ArrayList<>();
		for (int i = 0; i < 36; i++) {
			String first = FIRST[i % FIRST.length];
			String last = LAST[(i * 5 + 3) % LAST.length];
			Instant created = start.plus(i * 2L, ChronoUnit.DAYS);
			UUID customerId = new UUID(0x5eed_0000_0000_0000L, i + 1);
			customerEntities.add(Entity.create(EntityTypes.CUSTOMER, customerId, created,
					Map.of(Customer.NAME, first + " " + last, Customer.EMAIL,
							first.toLowerCase() + "." + last.toLowerCase() + i + "@example.com", Customer.METADATA,
							Map.of("segment", (i % 3 == 0) ? "enterprise" : "smb"))));
			for (int n = 0; n < random.nextInt(5); n++) {
				Instant issued = created.plus(n * 7L + 1, ChronoUnit.DAYS);
				InvoiceStatus status = InvoiceStatus.values()[random.nextInt(InvoiceStatus.values().length)];
				invoiceEntities.add(Entity.create(EntityTypes.INVOICE, new UUID(0x5eed_1111_0000_0000L, i * 10L + n),
						issued, Map.of(Invoice.CUSTOMER_ID, customerId, Invoice.NUMBER,
								String.format("INV-DEMO-%03d-%d", i + 1, n + 1), Invoice.AMOUNT,
								BigDecimal.valueOf(1000 + random.nextInt(500_000), 2), Invoice.CURRENCY,
								CURRENCIES[random.nextInt(CURRENCIES.length)], Invoice.STATUS, status.name(),
								Invoice.ISSUED_AT, issued, Invoice.DUE_AT, issued.plus(30, ChronoUnit.DAYS))));
			}
		}
		Flux.fromIterable(customerEntities)
			.concatMap((customer) -> this.changes.create(customers, customer))
			.thenMany(Flux.fromIterable(invoiceEntities).concatMap((invoice) -> this.changes.create(invoices, invoice)))
			.then()
			.block(Duration.ofMinutes(1));
		logger.info("Seeded {} demo customers and {} invoices into catalog '{}'", customerEntities.size(),
				invoiceEntities.size(), customers.definition().name());
	}
}
