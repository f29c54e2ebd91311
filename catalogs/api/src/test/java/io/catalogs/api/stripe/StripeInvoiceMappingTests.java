package io.catalogs.api.stripe;

import io.catalogs.api.ApiCatalogs;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.EntityMapping;
import io.catalogs.api.mapping.FieldMappingProperties;
import io.catalogs.api.mapping.Links;
import io.catalogs.client.stripe.StripeInvoice;
import io.catalogs.client.stripe.StripeInvoiceParams;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.SampleEntities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped invoice mapping and the invoice adapter together: internal → Stripe invoice (as
 * Stripe would hold what the adapter sends) → internal keeps every mapped field.
 */
class StripeInvoiceMappingTests {

	private static final EntityMapping MAPPING = ApiCatalogs.mappings(
			new CatalogDefinition("stripe", "stripe", CatalogRole.SECONDARY, Set.of(EntityTypes.INVOICE)), "stripe",
			StripeCatalogFactory.SCHEMAS, null).get(EntityTypes.INVOICE);

	private static final Links LINKS = new Links() {
		@Override
		public String remoteId(EntityType type, UUID entityId) {
			return "cus_" + entityId;
		}

		@Override
		public UUID entityId(EntityType type, String remoteId) {
			return UUID.fromString(remoteId.substring(4));
		}
	};

	@Test
	void keepsEveryFieldOfEveryContractInvoice() {
		for (Entity invoice : SampleEntities.invoices()) {
			assertSameEntity(roundTrip(invoice), invoice);
		}
		Entity unicode = SampleEntities.invoice("rt", "c1", "INV-Ü/2024#1", "19.90", "EUR", InvoiceStatus.UNCOLLECTIBLE,
				Instant.parse("2024-01-31T12:00:00.001Z"), Instant.parse("2099-12-31T23:59:59.999Z"), SampleEntities.at(7),
				SampleEntities.at(8));
		assertSameEntity(roundTrip(unicode), unicode);
	}

	@ParameterizedTest
	@CsvSource({ "19.90, EUR, 1990", "123456789012.3456, EUR, 12345678901235", "1500, JPY, 1500", "1.234, KWD, 1234",
			"0.005, USD, 0" })
	void writesTheAmountInTheCurrencysSmallestUnitAndReadsTheExactAmountBack(String amount, String currency, long minor) {
		Entity invoice = invoice(amount, currency, null);
		StripeInvoice held = asStripeHolds(invoice);
		assertThat(held.total()).isEqualTo(minor);
		assertThat(held.currency()).isEqualTo(currency.toLowerCase());
		assertThat(MAPPING.toEntity(StripeInvoiceFields.toRemote(held), LINKS).orElseThrow().<BigDecimal>get(Invoice.AMOUNT))
			.isEqualByComparingTo(amount);
	}

	@Test
	void anAmountChangedAtStripeReadsAsStripeCountsIt() {
		StripeInvoice held = asStripeHolds(invoice("19.90", "JPY", null));
		StripeInvoice edited = withTotal(held, 2500);
		assertThat(MAPPING.toEntity(StripeInvoiceFields.toRemote(edited), LINKS).orElseThrow().<BigDecimal>get(Invoice.AMOUNT))
			.isEqualByComparingTo("2500");
	}

	@Test
	void keepsTheDueTimeToTheMillisecondAndNoDueTimeAsNone() {
		Instant due = Instant.parse("2031-02-03T04:05:06.789Z");
		StripeInvoice held = asStripeHolds(invoice("1", "USD", due));
		assertThat(held.dueDate()).isEqualTo(due.getEpochSecond());
		assertThat(MAPPING.toEntity(StripeInvoiceFields.toRemote(held), LINKS).orElseThrow().<Instant>get(Invoice.DUE_AT))
			.isEqualTo(due);
		StripeInvoice none = asStripeHolds(invoice("1", "USD", null));
		assertThat(none.dueDate()).as("Stripe's default due date of send_invoice").isNotNull();
		assertThat(MAPPING.toEntity(StripeInvoiceFields.toRemote(none), LINKS).orElseThrow().<Instant>get(Invoice.DUE_AT))
			.isNull();
	}

	@Test
	void theStatusIsStripesAndTheNumberAndIssueTimeAreMetadata() {
		Entity invoice = SampleEntities.invoices().get(0);
		Map<String, Object> remote = MAPPING.toRemote(invoice, LINKS);
		assertThat(remote).containsEntry("status", "paid").containsEntry("currency", "eur")
			.containsEntry("metadata.gateway_number", "INV-001")
			.containsEntry("metadata.gateway_issued_at", invoice.<Instant>get(Invoice.ISSUED_AT).toString())
			.containsEntry("customer", "cus_" + invoice.<UUID>get(Invoice.CUSTOMER_ID));
		assertThat(MAPPING.toEntity(new RemoteObject("in_x", Map.of("customer", "cus_" + UUID.randomUUID())), LINKS))
			.as("an invoice without the gateway's metadata is not an entity").isEmpty();
	}

	@Test
	void theReadmesOverrideShowsTheNumberAsTheMemo() {
		EntityMapping memo = ApiCatalogs.mappings(
				new CatalogDefinition("stripe", "stripe", CatalogRole.SECONDARY, Set.of(EntityTypes.INVOICE)), "stripe",
				StripeCatalogFactory.SCHEMAS, Map.of("invoice", Map.of("number", FieldMappingProperties.path("description"))))
			.get(EntityTypes.INVOICE);
		Entity invoice = SampleEntities.invoices().get(1);
		Map<String, Object> remote = memo.toRemote(invoice, LINKS);
		assertThat(remote).containsEntry("description", "INV-002").doesNotContainKey("metadata.gateway_number");
		StripeInvoice held = asStripeHolds(invoice, remote);
		assertThat(held.description()).isEqualTo("INV-002");
		assertSameEntity(memo.toEntity(StripeInvoiceFields.toRemote(held), LINKS).orElseThrow(), invoice);
	}

	private static Entity roundTrip(Entity invoice) {
		return MAPPING.toEntity(StripeInvoiceFields.toRemote(asStripeHolds(invoice)), LINKS).orElseThrow();
	}

	/** The invoice Stripe holds after the adapter's create and status moves. */
	private static StripeInvoice asStripeHolds(Entity invoice) {
		return asStripeHolds(invoice, MAPPING.toRemote(invoice, LINKS));
	}

	private static StripeInvoice asStripeHolds(Entity invoice, Map<String, Object> fields) {
		StripeInvoiceParams params = StripeInvoiceFields.of(fields).createParams();
		Long due = (params.dueDate() != null) ? params.dueDate().getEpochSecond() : 1_900_000_000L;
		return new StripeInvoice("in_1", params.customer(), null, params.currency(), (String) fields.get("status"),
				params.amount(), params.amount(), 1_700_000_000L, due, null, "send_invoice", params.description(), params.metadata(),
				false);
	}

	private static StripeInvoice withTotal(StripeInvoice invoice, long total) {
		return new StripeInvoice(invoice.id(), invoice.customer(), invoice.number(), invoice.currency(), invoice.status(), total,
				total, invoice.created(), invoice.dueDate(), invoice.effectiveAt(), invoice.collectionMethod(),
				invoice.description(), invoice.metadata(), false);
	}

	private static Entity invoice(String amount, String currency, Instant due) {
		Map<String, Object> changes = new HashMap<>();
		changes.put(Invoice.AMOUNT, new BigDecimal(amount));
		changes.put(Invoice.CURRENCY, currency);
		changes.put(Invoice.DUE_AT, due);
		Entity sample = SampleEntities.sample(EntityTypes.INVOICE, "m");
		return new Entity(sample.type(), sample.id(), 1, sample.createdAt(), sample.updatedAt(), false,
				sample.withChanges(changes, sample.updatedAt()).attributes());
	}
}
