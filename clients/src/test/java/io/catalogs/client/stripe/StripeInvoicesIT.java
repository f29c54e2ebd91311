package io.catalogs.client.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.SpecCheckedServer;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.http.PermanentClientException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe invoices' workflow through the client, every exchange checked against Stripe's OpenAPI file. */
class StripeInvoicesIT {

	private final FakeHttpServer server = FakeServers.stripe();

	@RegisterExtension
	final SpecCheckedServer spec = new SpecCheckedServer(this.server);

	private final StripeClient client = StripeTestClients.client("invoices");

	private StripeInvoice draft;

	private IdempotencyKey key;

	@BeforeEach
	void draftInvoice() {
		StripeCustomer buyer = this.client.customers()
			.create(new StripeCustomerParams("Buyer", "buyer@example.com", null, Map.of()), IdempotencyKey.of("w-buyer"))
			.block();
		this.key = IdempotencyKey.forEvent("invoice", "i-w", 1, "CREATE");
		this.draft = this.client.invoices().create(new StripeInvoiceParams(buyer.id(), "usd", 2_500L, null, null,
				Instant.parse("2031-05-01T00:00:00Z"), null, null, Map.of("gateway_id", "i-w")), this.key).block();
	}

	@Test
	void everyCreateCallCarriesItsOwnStepOfTheEventKey() {
		StripeInvoice paid = this.client.invoices().moveTo(this.draft.id(), "draft", "paid", this.key).block();
		assertThat(paid.status()).isEqualTo("paid");
		List<String> keys = this.server.received().stream().filter((r) -> r.method().equals("POST") && !r.path().equals("/v1/customers"))
			.map((r) -> r.headers().getFirst("Idempotency-Key")).toList();
		assertThat(keys).containsExactly(this.key.step("invoice").value(), this.key.step("item").value(),
				this.key.step("finalize").value(), this.key.step("pay").value());
		FakeExchange pay = this.server.received().get(this.server.received().size() - 1);
		assertThat(pay.body()).isEqualTo("paid_out_of_band=true");
	}

	@Test
	void repeatingAMoveReplaysInsteadOfFailing() {
		this.client.invoices().moveTo(this.draft.id(), "draft", "void", this.key).block();
		StripeInvoice again = this.client.invoices().moveTo(this.draft.id(), "draft", "void", this.key).block();
		assertThat(again.status()).isEqualTo("void");
		assertThat(FakeServers.stripeVendor().events().stream().filter((e) -> e.get("type").equals("invoice.voided")))
			.hasSize(1);
	}

	@Test
	void noMoveIsNothing() {
		StepVerifier.create(this.client.invoices().moveTo(this.draft.id(), "draft", "draft", this.key)).verifyComplete();
	}

	@Test
	void movesStripeDoesNotAllowAreRefusedBeforeAnyCall() {
		this.client.invoices().moveTo(this.draft.id(), "draft", "paid", this.key).block();
		int calls = this.server.received().size();
		StepVerifier.create(this.client.invoices().moveTo(this.draft.id(), "paid", "open", this.key))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("from paid to open"))
			.verify();
		assertThat(this.server.received()).hasSize(calls);
	}

	@Test
	void onlyDraftsChangeTheirAmountAndOnlyDraftsAreDeleted() {
		assertThat(this.client.invoices().updateAmount(this.draft.id(), 3_000L).block().amountDue()).isEqualTo(3_000L);
		this.client.invoices().transition(this.draft.id(), StripeInvoiceAction.FINALIZE, this.key.step("finalize")).block();
		StepVerifier.create(this.client.invoices().updateAmount(this.draft.id(), 4_000L))
			.expectError(PermanentClientException.class).verify();
		StepVerifier.create(this.client.invoices().transition(this.draft.id(), StripeInvoiceAction.FINALIZE, null))
			.expectError(PermanentClientException.class).verify();
		StepVerifier.create(this.client.invoices().delete(this.draft.id())).expectError(PermanentClientException.class).verify();
		assertThat(this.client.invoices().transition(this.draft.id(), StripeInvoiceAction.VOID, null).block().status())
			.isEqualTo("void");
		assertThat(this.client.invoices().get(this.draft.id()).block().amountDue()).isEqualTo(3_000L);
	}
}
