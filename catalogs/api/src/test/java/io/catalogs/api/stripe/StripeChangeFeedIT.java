package io.catalogs.api.stripe;

import io.catalogs.api.ApiCatalog;
import io.catalogs.api.InboundChange;
import io.catalogs.api.RemoteChange;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.stripe.StripeClient;
import io.catalogs.client.stripe.StripeInvoice;
import io.catalogs.client.stripe.StripeInvoiceAction;
import io.catalogs.client.stripe.StripeInvoiceParams;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.SampleEntities;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.catalogs.tck.SampleEntities.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The change feed of Stripe customers and invoices, read from the Events API of a Stripe-compatible server. */
class StripeChangeFeedIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final long T0 = 1_750_000_000L;

	private final AtomicLong clock = new AtomicLong(T0);

	private final Catalog catalog = new StripeCatalogFactory(new InMemoryApiLinkStore()).create(new CatalogDefinition("stripe",
			"stripe", CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE)), StripeTestCatalogs.properties());

	private final StripeClient client = StripeClient.create("feed", StripeTestCatalogs.properties().client("feed"));

	private final StripeCustomerCollection customers = new StripeCustomerCollection(this.client, 100);

	private final StripeInvoiceCollection invoices = new StripeInvoiceCollection(this.client, 100);

	@BeforeEach
	void pinTheClock() {
		FakeServers.stripe().reset();
		FakeServers.stripeVendor().clock(this.clock::get);
	}

	@AfterEach
	void releaseTheClock() {
		FakeServers.stripe().reset();
	}

	@Test
	void customerChangesComeOldestFirstOncePerObjectAndSecondWithDeletions() {
		Entity ada = this.catalog.create(SampleEntities.customers().get(0)).block(TIMEOUT);
		this.catalog.update(EntityTypes.CUSTOMER, ada.id(), Map.of(Customer.EMAIL, "ada@lovelace.org"), null, at(60)).block(TIMEOUT);
		this.clock.set(T0 + 5);
		Entity grace = this.catalog.create(SampleEntities.customers().get(1)).block(TIMEOUT);
		this.clock.set(T0 + 10);
		this.catalog.delete(EntityTypes.CUSTOMER, ada.id(), null, at(70)).block(TIMEOUT);

		List<RemoteChange> changes = this.customers.modifiedSince(Instant.ofEpochSecond(T0)).collectList().block(TIMEOUT);
		assertThat(changes).extracting((c) -> c.object().text("email"), (c) -> c.modifiedAt().getEpochSecond(), RemoteChange::deleted)
			.containsExactly(tuple("ada@lovelace.org", T0, false), tuple("grace@example.com", T0 + 5, false),
					tuple("ada@lovelace.org", T0 + 10, true));
		assertThat(changes.get(1).object().text("metadata.gateway_id")).isEqualTo(grace.id().toString());
		assertThat(this.customers.modifiedSince(Instant.ofEpochSecond(T0 + 5).plusMillis(999)).map(RemoteChange::deleted)
			.collectList().block(TIMEOUT)).as("inclusive, by whole seconds").containsExactly(false, true);
		assertThat(this.customers.changeFeed()).isTrue();
	}

	@Test
	void invoiceChangesFollowTheWorkflowAndMarkedInvoicesAreDeleted() {
		this.catalog.create(SampleEntities.customers().get(0)).block(TIMEOUT);
		Entity invoice = this.catalog.create(SampleEntities.invoice("f", "c1", "INV-f", "12.34", "EUR", InvoiceStatus.OPEN,
				null, null, at(10), at(10))).block(TIMEOUT);
		this.clock.set(T0 + 3);
		this.catalog.update(EntityTypes.INVOICE, invoice.id(), Map.of(Invoice.STATUS, "PAID"), null, at(20)).block(TIMEOUT);
		this.clock.set(T0 + 6);
		this.catalog.delete(EntityTypes.INVOICE, invoice.id(), null, at(30)).block(TIMEOUT);

		List<RemoteChange> changes = this.invoices.modifiedSince(Instant.ofEpochSecond(T0)).collectList().block(TIMEOUT);
		assertThat(changes).extracting((c) -> c.object().get("status"), (c) -> c.object().get("metadata.gateway_version"),
				(c) -> c.modifiedAt().getEpochSecond(), RemoteChange::deleted)
			.containsExactly(tuple("open", "1", T0, false), tuple("paid", "2", T0 + 3, false), tuple("paid", "2", T0 + 6, true));
		assertThat(changes.get(0).object().get("amount")).isEqualTo(new java.math.BigDecimal("12.34"));
		assertThat(changes).extracting(RemoteChange::remoteId).containsOnly(changes.get(0).remoteId());
	}

	@Test
	void currentReadsTheObjectNowIncludingDeletions() {
		Entity ada = this.catalog.create(SampleEntities.customers().get(0)).block(TIMEOUT);
		String remoteId = (String) FakeServers.stripeVendor().customers().get(0).get("id");
		Instant before = Instant.now().minusMillis(1);
		StepVerifier.create(this.customers.current(remoteId))
			.assertNext((change) -> {
				assertThat(change.deleted()).isFalse();
				assertThat(change.object().text("email")).isEqualTo("ada@example.com");
				assertThat(change.modifiedAt()).isAfter(before);
			})
			.verifyComplete();
		this.catalog.delete(EntityTypes.CUSTOMER, ada.id(), null, at(70)).block(TIMEOUT);
		StepVerifier.create(this.customers.current(remoteId)).assertNext((change) -> assertThat(change.deleted()).isTrue())
			.verifyComplete();
		StepVerifier.create(this.customers.current("cus_never")).verifyComplete();

		this.catalog.create(SampleEntities.customers().get(1)).block(TIMEOUT);
		Entity open = this.catalog.create(SampleEntities.invoice("c", "c2", "INV-c", "1", "USD", InvoiceStatus.OPEN, null, null,
				at(10), at(10))).block(TIMEOUT);
		assertThat(open).isNotNull();
		String invoiceId = (String) FakeServers.stripeVendor().invoices().get(0).get("id");
		StepVerifier.create(this.invoices.current(invoiceId))
			.assertNext((change) -> assertThat(change.object().get("status")).isEqualTo("open"))
			.verifyComplete();
	}

	@Test
	void invoicesMadeAtStripeReadAsCompleteChangesWithStripesNumberOrTheirId() {
		Entity ada = this.catalog.create(SampleEntities.customers().get(0)).block(TIMEOUT);
		String customerId = (String) FakeServers.stripeVendor().customers().get(0).get("id");
		ApiCatalog api = (ApiCatalog) this.catalog;
		StripeInvoiceParams params = new StripeInvoiceParams(customerId, "usd", 4200L, "made at Stripe", null, null, 14, null, null);
		StripeInvoice draft = this.client.invoices().create(params, IdempotencyKey.of("human-draft")).block(TIMEOUT);
		StripeInvoice finalized = this.client.invoices().create(params, IdempotencyKey.of("human-final"))
			.flatMap((created) -> this.client.invoices().transition(created.id(), StripeInvoiceAction.FINALIZE,
					IdempotencyKey.of("human-finalize")))
			.block(TIMEOUT);
		assertThat(finalized.number()).isNotBlank();

		Map<String, InboundChange> changes = api.modifiedSince(EntityTypes.INVOICE, Instant.ofEpochSecond(T0))
			.filter((change) -> !change.fromGateway())
			.collectMap(InboundChange::remoteId)
			.block(TIMEOUT);
		assertThat(changes).containsOnlyKeys(draft.id(), finalized.id());
		assertThat(changes.get(draft.id()).attributes()).containsEntry(Invoice.NUMBER, draft.id())
			.containsEntry(Invoice.STATUS, "DRAFT");
		assertThat(changes.get(finalized.id()).attributes()).containsEntry(Invoice.NUMBER, finalized.number())
			.containsEntry(Invoice.STATUS, "OPEN");
		for (InboundChange change : changes.values()) {
			assertThat(change.entityId()).as("not the gateway's yet").isNull();
			assertThat(change.attributes()).containsEntry(Invoice.CUSTOMER_ID, ada.id())
				.containsEntry(Invoice.CURRENCY, "USD").containsEntry(Invoice.AMOUNT, new BigDecimal("42.00"));
			EntityTypes.INVOICE.attributes().stream().filter((field) -> field.required())
				.forEach((field) -> assertThat(change.attributes().get(field.name())).as(field.name()).isNotNull());
		}
		StepVerifier.create(api.current(EntityTypes.INVOICE, draft.id()))
			.assertNext((change) -> assertThat(change.attributes()).containsEntry(Invoice.NUMBER, draft.id()))
			.verifyComplete();
	}
}
