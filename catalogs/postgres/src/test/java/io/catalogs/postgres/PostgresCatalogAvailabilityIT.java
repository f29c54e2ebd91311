package io.catalogs.postgres;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.spi.CatalogUnavailableException;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

import static io.catalogs.schema.EntityTypes.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** A catalog whose database is down at startup, comes up later and goes down again. */
class PostgresCatalogAvailabilityIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void startsWhileTheDatabaseIsDownReportsUnavailableAndWorksOnceItIsUp() throws IOException {
		int port = freePort();
		PostgresCatalogProperties properties = TestPostgres.properties(port);
		PostgresCatalog[] created = new PostgresCatalog[1];
		assertThatCode(() -> created[0] = new PostgresCatalogFactory().create(TestPostgres.definition("late"), properties))
			.doesNotThrowAnyException();
		PostgresCatalog catalog = created[0];
		try {
			StepVerifier.create(catalog.ping()).expectError(CatalogUnavailableException.class).verify(TIMEOUT);
			StepVerifier.create(catalog.get(CUSTOMER, UUID.randomUUID()))
				.expectError(CatalogUnavailableException.class)
				.verify(TIMEOUT);

			EmbeddedPostgres postgres = TestPostgres.start(port);
			try {
				// the migration is retried at most once a second: ping until it has run
				catalog.ping().retryWhen(Retry.fixedDelay(20, Duration.ofMillis(500))).block(TIMEOUT);
				Entity customer = Entity.create(CUSTOMER, UUID.randomUUID(), Instant.parse("2024-03-01T10:00:00Z"),
						Map.of(Customer.NAME, "Ada", Customer.EMAIL, "ada@example.com"));
				catalog.create(customer).block(TIMEOUT);
				assertThat(catalog.get(CUSTOMER, customer.id()).block(TIMEOUT)).isEqualTo(customer);
			}
			finally {
				TestPostgres.close(postgres);
			}
			StepVerifier.create(catalog.ping()).expectError(CatalogUnavailableException.class).verify(TIMEOUT);
			StepVerifier.create(catalog.get(CUSTOMER, UUID.randomUUID()))
				.expectError(CatalogUnavailableException.class)
				.verify(TIMEOUT);
		}
		finally {
			catalog.close().block(TIMEOUT);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
