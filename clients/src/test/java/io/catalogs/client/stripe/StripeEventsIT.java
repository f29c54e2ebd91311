package io.catalogs.client.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.SpecCheckedServer;
import io.catalogs.client.http.IdempotencyKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's Events API through the client, every exchange checked against Stripe's OpenAPI file. */
class StripeEventsIT {

	private final FakeHttpServer server = FakeServers.stripe();

	@RegisterExtension
	final SpecCheckedServer spec = new SpecCheckedServer(this.server);

	private final StripeClient client = StripeTestClients.client("events");

	@Test
	void listsCustomerEventsNewestFirstAcrossPagesWithSnapshots() {
		FakeServers.stripeVendor().clock(() -> 1_700_000_000L);
		StripeCustomer ada = this.client.customers()
			.create(new StripeCustomerParams("Ada", "ada@example.com", null, Map.of()), IdempotencyKey.of("e-ada"))
			.block();
		this.client.customers().update(ada.id(), new StripeCustomerParams(null, "ada@lovelace.org", null, null)).block();
		FakeServers.stripeVendor().clock(() -> 1_700_000_005L);
		this.client.customers().delete(ada.id()).block();

		List<StripeEvent<StripeCustomer>> events = this.client.events().customers(Instant.ofEpochSecond(1_700_000_000L), 2)
			.collectList().block();
		assertThat(events).extracting(StripeEvent::type)
			.containsExactly("customer.deleted", "customer.updated", "customer.created");
		assertThat(events.get(1).object().email()).isEqualTo("ada@lovelace.org");
		assertThat(events.get(2).object().email()).isEqualTo("ada@example.com");
		assertThat(events.get(0).deletion()).isTrue();
		assertThat(events.get(0).createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_005L));
		assertThat(this.server.received().stream().filter((r) -> r.path().equals("/v1/events")))
			.hasSize(2)
			.allSatisfy((r) -> assertThat(r.queryParam("created[gte]")).isEqualTo("1700000000"));
	}

	@Test
	void listsOnlyEventsAtOrAfterSince() {
		FakeServers.stripeVendor().clock(() -> 1_700_000_000L);
		this.client.customers().create(new StripeCustomerParams("Old", "old@example.com", null, Map.of()), IdempotencyKey.of("e-old"))
			.block();
		FakeServers.stripeVendor().clock(() -> 1_700_000_010L);
		this.client.customers().create(new StripeCustomerParams("New", "new@example.com", null, Map.of()), IdempotencyKey.of("e-new"))
			.block();
		assertThat(this.client.events().customers(Instant.parse("2023-11-14T22:13:30.999Z"), 10)
			.map((event) -> event.object().name()).collectList().block()).containsExactly("New");
	}

	@Test
	void invoiceEventsFollowItsWorkflow() {
		StripeCustomer buyer = this.client.customers()
			.create(new StripeCustomerParams("Buyer", "buyer@example.com", null, Map.of()), IdempotencyKey.of("e-buyer"))
			.block();
		IdempotencyKey key = IdempotencyKey.forEvent("invoice", "i-e", 1, "CREATE");
		StripeInvoice draft = this.client.invoices().create(new StripeInvoiceParams(buyer.id(), "eur", 990L, null, null,
				Instant.parse("2030-01-01T00:00:00Z"), null, null, Map.of("gateway_id", "i-e")), key).block();
		this.client.invoices().moveTo(draft.id(), "draft", "paid", key).block();

		List<String> types = this.client.events().invoices(Instant.EPOCH, 100).map(StripeEvent::type).collectList().block();
		assertThat(types).containsSubsequence("invoice.paid", "invoice.finalized", "invoice.created");
		StripeEvent<StripeInvoice> paid = this.client.events().invoices(Instant.EPOCH, 1).blockFirst();
		assertThat(paid.object().status()).isEqualTo("paid");
		assertThat(paid.object().amountDue()).isEqualTo(990L);
		assertThat(this.client.events().customers(Instant.EPOCH, 100).map(StripeEvent::type).collectList().block())
			.containsExactly("customer.created");
	}
}
