package io.catalogs.client.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeQuickBooks;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.Fault;
import io.catalogs.client.fake.FaultPlan;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.http.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** QuickBooks requestid idempotency under injected faults and token expiry. */
class QuickBooksFaultsIT {

	private final FakeHttpServer server = FakeServers.quickbooks();

	private final FakeQuickBooks quickbooks = FakeServers.quickbooksVendor();

	@BeforeEach
	void reset() {
		this.server.reset();
	}

	@Test
	void aThousandEntitiesThroughFaultsAndTokenExpiryMakeExactlyAThousandCustomers() {
		FaultPlan faults = TestSettings.thousandFaults();
		this.server.faults((request) -> {
			if (request.sequence() == 500) {
				this.quickbooks.tokens().expireAll();
			}
			return request.path().startsWith("/oauth2") ? Fault.NONE : faults.next(request);
		});
		QuickBooksClient client = QuickBooksTestClients.client("thousand", TestSettings.THOUSAND_TIMEOUT,
				TestSettings.thousandRetry(), TestSettings.neverOpens(), Clock.systemUTC(), (token) -> {
				});
		long started = System.nanoTime();
		List<QuickBooksCustomer> created = Flux.range(0, 1000)
			.flatMap((i) -> client.customers().create(QuickBooksCustomer.of("Customer " + i, "e" + i + "@example.com", null,
					"catalogs-id=e-" + i), IdempotencyKey.forEvent("customer", "e-" + i, 1, "create")),
					TestSettings.THOUSAND_CONCURRENCY)
			.collectList()
			.block(Duration.ofSeconds(90));
		assertThat(created).hasSize(1000);
		Set<Object> names = this.quickbooks.entities("Customer").stream().map((c) -> c.get("DisplayName")).collect(Collectors.toSet());
		assertThat(this.quickbooks.entities("Customer")).hasSize(1000);
		assertThat(names).hasSize(1000);
		assertThat(this.quickbooks.tokens().refreshes()).isBetween(2, 4);
		System.out.printf("1000 QuickBooks customers through faults: %d requests, %d ms%n", this.server.received().size(),
				(System.nanoTime() - started) / 1_000_000);
	}
}
