package io.catalogs.api.mapping;

import io.catalogs.api.ApiCatalogs;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.quickbooks.QuickBooksCatalogFactory;
import io.catalogs.api.stripe.StripeCatalogFactory;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped invoice mappings read invoices made at the vendor directly (none of the gateway's
 * fields) with every required attribute: Stripe's number falls back to Stripe's own number, then
 * to the invoice id; a QuickBooks status reads as OPEN.
 */
class VendorMadeInvoiceMappingTests {

	private static final UUID CUSTOMER = UUID.randomUUID();

	private static final Links LINKS = new Links() {
		@Override
		public String remoteId(EntityType type, UUID entityId) {
			return "c1";
		}

		@Override
		public UUID entityId(EntityType type, String remoteId) {
			return CUSTOMER;
		}
	};

	private static final EntityMapping STRIPE = mapping("stripe", StripeCatalogFactory.SCHEMAS);

	private static final EntityMapping QUICKBOOKS = mapping("quickbooks", QuickBooksCatalogFactory.SCHEMAS);

	@Test
	void aFinalizedStripeInvoiceMadeAtStripeReadsStripesNumber() {
		Map<String, Object> attributes = STRIPE.attributes(stripe(Map.of("number", "A1B2-0001", "status", "open")), LINKS);
		assertThat(attributes).containsEntry(Invoice.NUMBER, "A1B2-0001").containsEntry(Invoice.STATUS, "OPEN")
			.containsEntry(Invoice.CUSTOMER_ID, CUSTOMER).containsEntry(Invoice.CURRENCY, "EUR");
	}

	@Test
	void aStripeDraftWithoutANumberReadsItsIdAsNumber() {
		assertThat(STRIPE.attributes(stripe(Map.of("status", "draft")), LINKS)).containsEntry(Invoice.NUMBER, "in_9")
			.containsEntry(Invoice.STATUS, "DRAFT");
	}

	@Test
	void theGatewaysNumberWinsOverStripesOwn() {
		Map<String, Object> attributes = STRIPE.attributes(
				stripe(Map.of("number", "A1B2-0001", "metadata.gateway_number", "INV-7", "status", "open")), LINKS);
		assertThat(attributes).containsEntry(Invoice.NUMBER, "INV-7");
	}

	@Test
	void aQuickBooksInvoiceMadeInQuickBooksReadsAsOpen() {
		RemoteObject invoice = new RemoteObject("130", Map.of("DocNumber", "1038", "CustomerRef.value", "c1",
				"Line.Amount", new BigDecimal("99.50"), "CurrencyRef.value", "USD"));
		assertThat(QUICKBOOKS.attributes(invoice, LINKS)).containsEntry(Invoice.NUMBER, "1038")
			.containsEntry(Invoice.STATUS, "OPEN").containsEntry(Invoice.CUSTOMER_ID, CUSTOMER)
			.containsEntry(Invoice.AMOUNT, new BigDecimal("99.50"));
		RemoteObject paid = new RemoteObject("131", Map.of("DocNumber", "1039", "PrivateNote.status", "PAID"));
		assertThat(QUICKBOOKS.attributes(paid, LINKS)).as("the gateway's status is kept")
			.containsEntry(Invoice.STATUS, "PAID");
	}

	private static RemoteObject stripe(Map<String, Object> fields) {
		Map<String, Object> all = new HashMap<>(Map.of("id", "in_9", "customer", "cus_1", "currency", "eur",
				"amount", new BigDecimal("12.00")));
		all.putAll(fields);
		return new RemoteObject("in_9", all);
	}

	private static EntityMapping mapping(String vendor, Map<EntityType, RemoteSchema> schemas) {
		return ApiCatalogs.mappings(new CatalogDefinition(vendor, vendor, CatalogRole.SECONDARY,
				Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE)), vendor, schemas, null).get(EntityTypes.INVOICE);
	}
}
