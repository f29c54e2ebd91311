package io.catalogs.client.stripe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.SpecCheckedServer;
import io.catalogs.client.fake.FakeStripe;
import io.catalogs.client.fake.Fault;
import io.catalogs.client.fake.FaultPlan;
import io.catalogs.client.http.CircuitOpenClientException;
import io.catalogs.client.http.CorrelationId;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.http.LogCapture;
import io.catalogs.client.http.PermanentClientException;
import io.catalogs.client.http.RetriableClientException;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.http.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe client retries, idempotency and circuit breaking under injected faults; every exchange checked against the spec. */
class StripeFaultsIT {

	private final FakeHttpServer server = FakeServers.stripe();

	@RegisterExtension
	final SpecCheckedServer spec = new SpecCheckedServer(this.server);

	private final FakeStripe stripe = FakeServers.stripeVendor();

	private final StripeClient client = StripeTestClients.client("faults", this.server.baseUrl(), TestSettings.TIMEOUT,
			TestSettings.retry(), TestSettings.tolerantBreaker());

	@BeforeEach
	void warmUp() {
		// warm the validator for the create path, so the short client timeout measures the server, not the JIT
		StripeTestClients.client("warm-up").customers().create(params("warm-up"), IdempotencyKey.of("warm-up")).block();
		this.server.reset();
	}

	@Test
	void waitsAtLeastRetryAfterBeforeTheNextAttempt() {
		this.server.faults(FaultPlan.first(Fault.tooManyRequests(2)));
		StripeCustomer created = this.client.customers().create(params("c-429"), key("c-429")).block();
		assertThat(created.id()).startsWith("cus_");
		List<FakeExchange> received = this.server.received();
		assertThat(received).hasSize(2);
		long waitedMillis = (received.get(1).receivedAtNanos() - received.get(0).receivedAtNanos()) / 1_000_000;
		assertThat(waitedMillis).isGreaterThanOrEqualTo(2000);
	}

	@Test
	void retriesServerErrorsAndConnectionResets() {
		this.server.faults(FaultPlan.first(Fault.status(500), Fault.status(503), Fault.reset()));
		StripeCustomer created = this.client.customers().create(params("c-5xx"), key("c-5xx")).block();
		assertThat(created.metadata()).containsEntry("catalogs_id", "c-5xx");
		assertThat(this.server.received()).hasSize(4);
		assertThat(this.stripe.customers()).hasSize(1);
	}

	@Test
	void aCreateThatTimedOutAfterTheServerCommittedIsNotCreatedTwice() {
		this.server.faults(FaultPlan.first(Fault.slow(TestSettings.SLOW), Fault.resetAfterCommit()));
		StripeCustomer created = this.client.customers().create(params("c-slow"), key("c-slow")).block();
		assertThat(this.server.received()).hasSize(3)
			.extracting((request) -> request.headers().getFirst("Idempotency-Key"))
			.containsOnly(key("c-slow").value());
		assertThat(this.stripe.customers()).singleElement().satisfies((customer) -> assertThat(customer.get("id")).isEqualTo(created.id()));
	}

	@Test
	void doesNotRetryOtherClientErrorsAndKeepsTheVendorMessageOutOfTheException() {
		try (LogCapture logs = LogCapture.start()) {
			StepVerifier.create(StripeTestClients.client("errors").invoices()
				.create(new StripeInvoiceParams("cus_missing", "usd", 100L, null, null, null, 30, null, Map.of()), key("i-400"))
				.contextWrite(CorrelationId.of("corr-400")))
				.expectErrorSatisfies((error) -> {
					assertThat(error).isExactlyInstanceOf(PermanentClientException.class);
					assertThat(error.getMessage()).contains("HTTP 400", "corr-400").doesNotContain("No such customer");
				})
				.verify();
			assertThat(this.server.received()).hasSize(1);
			assertThat(logs.messages()).anySatisfy((line) -> assertThat(line).contains("corr-400", "No such customer"));
		}
	}

	@Test
	void givesUpAfterTheLastAttemptWithARetriableError() {
		this.server.faults(FaultPlan.always(Fault.status(503)));
		StepVerifier.create(this.client.customers().create(params("c-down"), key("c-down")))
			.expectError(RetriableClientException.class)
			.verify();
		assertThat(this.server.received()).hasSize(TestSettings.retry().maxAttempts());
	}

	@Test
	void aThousandEntitiesThroughFaultsMakeExactlyAThousandCustomers() {
		this.server.faults(TestSettings.thousandFaults());
		StripeClient patient = StripeTestClients.client("thousand", this.server.baseUrl(), TestSettings.THOUSAND_TIMEOUT,
				TestSettings.thousandRetry(), TestSettings.neverOpens());
		long started = System.nanoTime();
		List<StripeCustomer> created = Flux.range(0, 1000)
			.flatMap((i) -> patient.customers().create(params("e-" + i), key("e-" + i)), TestSettings.THOUSAND_CONCURRENCY)
			.collectList()
			.block(Duration.ofSeconds(90));
		assertThat(created).hasSize(1000);
		Set<Object> remoteIds = this.stripe.customers().stream().map((c) -> metadataOf(c).get("catalogs_id")).collect(Collectors.toSet());
		assertThat(this.stripe.customers()).hasSize(1000);
		assertThat(remoteIds).hasSize(1000);
		assertThat(this.server.received().size()).isGreaterThan(1100);
		System.out.printf("1000 Stripe customers through faults: %d requests, %d ms%n", this.server.received().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	@Test
	void theCircuitOpensAfterRepeatedFailuresAndOtherClientsAreUnaffected() {
		try (FakeHttpServer failing = FakeHttpServer.start(new FakeStripe(FakeServers.STRIPE_KEY), null)) {
			failing.faults(FaultPlan.always(Fault.status(503)));
			StripeClient broken = StripeTestClients.client("broken", failing.baseUrl(), TestSettings.TIMEOUT,
					RetrySettings.of(1, Duration.ofMillis(10)), TestSettings.sensitiveBreaker());
			StripeClient healthy = StripeTestClients.client("healthy", this.server.baseUrl(), TestSettings.TIMEOUT,
					RetrySettings.of(1, Duration.ofMillis(10)), TestSettings.sensitiveBreaker());
			for (int i = 0; i < 5; i++) {
				StepVerifier.create(broken.customers().get("cus_" + i)).expectError(RetriableClientException.class).verify();
			}
			assertThat(broken.health().circuitState()).isEqualTo("OPEN");
			assertThat(broken.health().healthy()).isFalse();
			StepVerifier.create(broken.customers().get("cus_9")).expectError(CircuitOpenClientException.class).verify();
			assertThat(failing.received()).hasSize(5);

			StepVerifier.create(healthy.customers().create(params("c-ok"), key("c-ok")))
				.assertNext((customer) -> assertThat(customer.id()).startsWith("cus_"))
				.verifyComplete();
			assertThat(healthy.health().circuitState()).isEqualTo("CLOSED");
			assertThat(healthy.health().healthy()).isTrue();
		}
	}

	private static StripeCustomerParams params(String id) {
		return new StripeCustomerParams("Customer " + id, id + "@example.com", null, Map.of("catalogs_id", id, "catalogs_version", "1"));
	}

	private static IdempotencyKey key(String id) {
		return IdempotencyKey.forEvent("customer", id, 1, "create");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> metadataOf(Map<String, Object> customer) {
		return (Map<String, Object>) customer.get("metadata");
	}
}
