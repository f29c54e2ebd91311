package io.catalogs.client.stripe;

import java.time.Instant;
import java.util.Map;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.SpecCheckedServer;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.http.PermanentClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Stripe client against a local server speaking Stripe's API, every exchange checked against Stripe's OpenAPI file. */
class StripeClientIT {

	private final FakeHttpServer server = FakeServers.stripe();

	@RegisterExtension
	final SpecCheckedServer spec = new SpecCheckedServer(this.server);

	private final StripeClient client = StripeTestClients.client("billing");

	@Test
	void createsReadsUpdatesAndDeletesCustomers() {
		StripeCustomer created = this.client.customers()
			.create(new StripeCustomerParams("Ada Lovelace", "ada@example.com", "+44 20 7946 0000",
					Map.of("catalogs_id", "c-1", "catalogs_version", "1")), IdempotencyKey.forEvent("customer", "c-1", 1, "create"))
			.block();
		assertThat(created.id()).startsWith("cus_");
		assertThat(created.metadata()).containsEntry("catalogs_id", "c-1");

		StripeCustomer updated = this.client.customers()
			.update(created.id(), new StripeCustomerParams(null, "ada@lovelace.org", null, Map.of("catalogs_version", "2")))
			.block();
		assertThat(updated.name()).isEqualTo("Ada Lovelace");
		assertThat(updated.email()).isEqualTo("ada@lovelace.org");
		assertThat(updated.metadata()).containsEntry("catalogs_version", "2").containsEntry("catalogs_id", "c-1");

		StepVerifier.create(this.client.customers().get(created.id()))
			.assertNext((read) -> assertThat(read.email()).isEqualTo("ada@lovelace.org"))
			.verifyComplete();
		StepVerifier.create(this.client.customers().delete(created.id())).verifyComplete();
		StepVerifier.create(this.client.customers().get(created.id())).verifyComplete();
		StepVerifier.create(this.client.customers().delete(created.id())).verifyComplete();
	}

	@Test
	void repeatedCreateWithTheSameKeyReturnsTheFirstCustomer() {
		IdempotencyKey key = IdempotencyKey.forEvent("customer", "c-2", 1, "create");
		StripeCustomerParams params = new StripeCustomerParams("Grace", "grace@example.com", null, Map.of("catalogs_id", "c-2"));
		StripeCustomer first = this.client.customers().create(params, key).block();
		StripeCustomer second = this.client.customers().create(params, key).block();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(FakeServers.stripeVendor().customers()).hasSize(1);
		assertThat(this.server.received().get(0).headers().getFirst("Idempotency-Key")).isEqualTo(key.value());
		assertThat(this.server.received().get(0).headers().getFirst("Stripe-Version")).isEqualTo("2023-08-16");
	}

	@Test
	void pagesThroughCustomersWithStartingAfter() {
		for (int i = 0; i < 7; i++) {
			this.client.customers()
				.create(new StripeCustomerParams("C" + i, "c" + i + "@example.com", null, Map.of()), IdempotencyKey.of("page-" + i))
				.block();
		}
		assertThat(this.client.customers().all(null, 3).map(StripeCustomer::name).collectList().block())
			.containsExactly("C6", "C5", "C4", "C3", "C2", "C1", "C0");
		assertThat(this.server.received().stream().filter((r) -> r.method().equals("GET")).map((r) -> r.queryParam("starting_after")))
			.hasSize(3);
		StripeList<StripeCustomer> byEmail = this.client.customers().list(StripePageRequest.first(10), "c4@example.com").block();
		assertThat(byEmail.data()).extracting(StripeCustomer::name).containsExactly("C4");
		assertThat(byEmail.hasMore()).isFalse();
	}

	@Test
	void findsCustomersByMetadata() {
		this.client.customers()
			.create(new StripeCustomerParams("Alan", "alan@example.com", null, Map.of("catalogs_id", "id-'7")), IdempotencyKey.of("k7"))
			.block();
		StepVerifier.create(this.client.customers().findByMetadata("catalogs_id", "id-'7"))
			.assertNext((found) -> assertThat(found.name()).isEqualTo("Alan"))
			.verifyComplete();
		StepVerifier.create(this.client.customers().findByMetadata("catalogs_id", "nobody")).verifyComplete();
	}

	@Test
	void createsADraftInvoiceWithOneLineAndMovesItThroughItsStatuses() {
		StripeCustomer customer = this.client.customers()
			.create(new StripeCustomerParams("Buyer", "buyer@example.com", null, Map.of()), IdempotencyKey.of("buyer"))
			.block();
		IdempotencyKey key = IdempotencyKey.forEvent("invoice", "i-1", 1, "create");
		Instant due = Instant.parse("2030-01-31T00:00:00Z");
		StripeInvoiceParams params = new StripeInvoiceParams(customer.id(), "eur", 12_345L, "Consulting", null, due, null,
				null, Map.of("catalogs_id", "i-1", "catalogs_number", "INV-1"));
		StripeInvoice draft = this.client.invoices().create(params, key).block();
		assertThat(draft.status()).isEqualTo("draft");
		assertThat(draft.amountDue()).isEqualTo(12_345L);
		assertThat(draft.dueAt()).isEqualTo(due);
		assertThat(draft.metadata()).containsEntry("catalogs_number", "INV-1");

		StripeInvoice again = this.client.invoices().create(params, key).block();
		assertThat(again.id()).isEqualTo(draft.id());
		assertThat(FakeServers.stripeVendor().invoices()).hasSize(1);
		assertThat(FakeServers.stripeVendor().invoiceItems()).hasSize(1);

		assertThat(this.client.invoices().updateAmount(draft.id(), 500L).block().amountDue()).isEqualTo(500L);
		assertThat(this.client.invoices().update(draft.id(), new StripeInvoiceParams(null, null, null, "Memo", null, null, null,
				null, Map.of("catalogs_version", "2"))).block().description()).isEqualTo("Memo");
		StripeInvoice open = this.client.invoices().transition(draft.id(), StripeInvoiceAction.FINALIZE, null).block();
		assertThat(open.status()).isEqualTo("open");
		assertThat(open.number()).isNotBlank();
		assertThat(this.client.invoices().transition(draft.id(), StripeInvoiceAction.PAY, key.step("pay")).block().status())
			.isEqualTo("paid");
		assertThat(this.client.invoices().list(StripePageRequest.first(10), customer.id(), "paid").block().data()).hasSize(1);
		StepVerifier.create(this.client.invoices().delete(draft.id())).expectError(PermanentClientException.class).verify();
	}

	@Test
	void deletesDraftInvoicesAndPagesThroughInvoices() {
		StripeCustomer customer = this.client.customers()
			.create(new StripeCustomerParams("Buyer", "buyer@example.com", null, Map.of()), IdempotencyKey.of("buyer2"))
			.block();
		for (int i = 0; i < 3; i++) {
			this.client.invoices().create(new StripeInvoiceParams(customer.id(), "usd", 100L * (i + 1), null, null, null, 14, null,
					Map.of("catalogs_id", "inv-" + i)), IdempotencyKey.of("inv-" + i)).block();
		}
		assertThat(this.client.invoices().all(customer.id(), null, 2).map(StripeInvoice::amountDue).collectList().block())
			.containsExactly(300L, 200L, 100L);
		StripeInvoice found = this.client.invoices().findByMetadata("catalogs_id", "inv-1").block();
		assertThat(found.amountDue()).isEqualTo(200L);
		StepVerifier.create(this.client.invoices().delete(found.id())).verifyComplete();
		StepVerifier.create(this.client.invoices().get(found.id())).verifyComplete();
	}
}
