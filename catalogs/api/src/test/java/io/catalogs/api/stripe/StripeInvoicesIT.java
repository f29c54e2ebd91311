package io.catalogs.api.stripe;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.fake.FakeExchange;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.SampleEntities;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.catalogs.tck.SampleEntities.at;
import static io.catalogs.tck.SampleEntities.id;
import static org.assertj.core.api.Assertions.assertThat;

/** What a Stripe catalog does at Stripe with invoices: drafts, items, status actions, deletes, refusals. */
class StripeInvoicesIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

	private final Catalog catalog = new StripeCatalogFactory(new InMemoryApiLinkStore()).create(new CatalogDefinition("stripe",
			"stripe", CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE)), StripeTestCatalogs.properties());

	@BeforeEach
	void customers() {
		FakeServers.stripe().reset();
		SampleEntities.customers().subList(0, 2).forEach((customer) -> this.catalog.create(customer).block(TIMEOUT));
	}

	@Test
	void createsADraftWithOneItemInCentsAndMovesItToItsStatusEachCallWithItsOwnKey() {
		Entity paid = invoice("p", InvoiceStatus.PAID);
		this.catalog.create(paid).block(TIMEOUT);
		Map<String, Object> invoice = FakeServers.stripeVendor().invoices().get(0);
		assertThat(invoice).containsEntry("status", "paid").containsEntry("total", 1990L).containsEntry("currency", "eur")
			.containsEntry("collection_method", "send_invoice");
		assertThat(metadata(invoice)).containsEntry("gateway_id", paid.id().toString())
			.containsEntry("gateway_number", "INV-p");
		assertThat(FakeServers.stripeVendor().invoiceItems()).singleElement()
			.satisfies((item) -> assertThat(item).containsEntry("amount", 1990L));
		List<FakeExchange> creates = FakeServers.stripe().received().stream()
			.filter((r) -> r.method().equals("POST") && r.path().matches("/v1/invoice(s|items)(/[^/]+/(finalize|pay))?"))
			.toList();
		assertThat(creates).extracting(FakeExchange::path).containsExactly("/v1/invoices", "/v1/invoiceitems",
				"/v1/invoices/" + invoice.get("id") + "/finalize", "/v1/invoices/" + invoice.get("id") + "/pay");
		assertThat(creates).extracting((r) -> r.headers().getFirst("Idempotency-Key")).doesNotContainNull().doesNotHaveDuplicates();
	}

	@Test
	void statusChangesPropagateAndFinalizedInvoicesRefuseNewAmountsClearly() {
		Entity open = this.catalog.create(invoice("o", InvoiceStatus.OPEN)).block(TIMEOUT);
		this.catalog.update(EntityTypes.INVOICE, open.id(), Map.of(Invoice.STATUS, "PAID"), null, NOW).block(TIMEOUT);
		assertThat(FakeServers.stripeVendor().invoices().get(0)).containsEntry("status", "paid");
		StepVerifier.create(this.catalog.update(EntityTypes.INVOICE, open.id(), Map.of(Invoice.AMOUNT, new BigDecimal("5")), null, NOW))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(CatalogException.class)
				.hasMessageContaining("is paid: only drafts can change their amount"))
			.verify(TIMEOUT);
		StepVerifier.create(this.catalog.update(EntityTypes.INVOICE, open.id(), Map.of(Invoice.STATUS, "OPEN"), null, NOW))
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("cannot move from paid to open"))
			.verify(TIMEOUT);
		Entity stored = this.catalog.get(EntityTypes.INVOICE, open.id()).block(TIMEOUT);
		assertThat(stored.<String>get(Invoice.STATUS)).isEqualTo("PAID");
		assertThat(stored.<BigDecimal>get(Invoice.AMOUNT)).isEqualByComparingTo("19.90");
		assertThat(stored.version()).isEqualTo(2);
	}

	@Test
	void draftsChangeAmountAndDueDateInPlace() {
		Entity draft = this.catalog.create(invoice("d", InvoiceStatus.DRAFT)).block(TIMEOUT);
		Instant due = Instant.parse("2030-03-04T05:06:07.891Z");
		this.catalog.update(EntityTypes.INVOICE, draft.id(), Map.of(Invoice.AMOUNT, new BigDecimal("7.5"), Invoice.DUE_AT, due),
				null, NOW).block(TIMEOUT);
		assertThat(FakeServers.stripeVendor().invoices().get(0)).containsEntry("total", 750L).containsEntry("due_date",
				due.getEpochSecond());
		assertThat(FakeServers.stripeVendor().invoiceItems()).hasSize(1);
		assertThat(this.catalog.get(EntityTypes.INVOICE, draft.id()).block(TIMEOUT).<Instant>get(Invoice.DUE_AT)).isEqualTo(due);
	}

	@Test
	void aDraftChangingCustomerIsReplacedAtStripe() {
		Entity draft = this.catalog.create(invoice("r", InvoiceStatus.DRAFT)).block(TIMEOUT);
		String before = (String) FakeServers.stripeVendor().invoices().get(0).get("id");
		this.catalog.update(EntityTypes.INVOICE, draft.id(), Map.of(Invoice.CUSTOMER_ID, id("c2")), null, NOW).block(TIMEOUT);
		assertThat(FakeServers.stripeVendor().invoices()).singleElement()
			.satisfies((invoice) -> assertThat(invoice.get("id")).isNotEqualTo(before));
		assertThat(this.catalog.get(EntityTypes.INVOICE, draft.id()).block(TIMEOUT).<Object>get(Invoice.CUSTOMER_ID)).isEqualTo(id("c2"));
	}

	@Test
	void deletesDraftsVoidsOpenInvoicesAndMarksPaidOnes() {
		Entity draft = this.catalog.create(invoice("x1", InvoiceStatus.DRAFT)).block(TIMEOUT);
		Entity open = this.catalog.create(invoice("x2", InvoiceStatus.OPEN)).block(TIMEOUT);
		Entity paid = this.catalog.create(invoice("x3", InvoiceStatus.PAID)).block(TIMEOUT);
		for (Entity invoice : List.of(draft, open, paid)) {
			this.catalog.delete(EntityTypes.INVOICE, invoice.id(), null, NOW).block(TIMEOUT);
			StepVerifier.create(this.catalog.get(EntityTypes.INVOICE, invoice.id())).verifyComplete();
		}
		assertThat(FakeServers.stripeVendor().invoices()).extracting((i) -> i.get("status")).containsExactly("void", "paid");
		assertThat(FakeServers.stripeVendor().invoices()).allSatisfy((i) -> assertThat(metadata(i))
			.containsEntry("gateway_deleted", "true"));
		assertThat(FakeServers.stripe().received()).filteredOn((r) -> r.method().equals("DELETE")).hasSize(1);
	}

	@Test
	void declaresOnlyTheFiltersStripeAppliesItself() {
		assertThat(this.catalog.capabilities()).extracting(Object::toString).containsExactlyInAnyOrder(
				"filter:customer.email:EQ", "filter:invoice.customerId:EQ", "filter:invoice.status:EQ");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> metadata(Map<String, Object> invoice) {
		return (Map<String, Object>) invoice.get("metadata");
	}

	private static Entity invoice(String key, InvoiceStatus status) {
		return SampleEntities.invoice(key, "c1", "INV-" + key, "19.90", "EUR", status, at(10), at(40), at(10), at(10));
	}
}
