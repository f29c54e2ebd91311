package io.catalogs.api.mapping;

import io.catalogs.api.quickbooks.QuickBooksCatalogFactory;
import io.catalogs.api.salesforce.SalesforceCatalogFactory;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.tck.SampleEntities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped invoice mappings of Salesforce and QuickBooks round-trip internal → vendor → internal
 * without loss for every mapped field, every status and the awkward values of the contract suite.
 */
class InvoiceMappingRoundTripTests {

	private static final Map<UUID, String> CUSTOMERS = Map.of(SampleEntities.id("c1"), "0035g00000C1", SampleEntities.id("c2"),
			"0035g00000C2", SampleEntities.id("c3"), "0035g00000C3");

	static Stream<Arguments> shippedInvoiceMappings() {
		return Stream.of(Arguments.of("salesforce", SalesforceCatalogFactory.SCHEMAS.get(EntityTypes.INVOICE)),
				Arguments.of("quickbooks", QuickBooksCatalogFactory.SCHEMAS.get(EntityTypes.INVOICE)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedInvoiceMappings")
	void shippedInvoiceMappingKeepsEveryField(String vendor, RemoteSchema schema) {
		EntityMapping mapping = MappingRoundTripTests.compile(vendor, EntityTypes.INVOICE, schema, Map.of());
		Links links = new MappingRoundTripTests.MapLinks(CUSTOMERS);
		List<Entity> invoices = Stream.concat(SampleEntities.invoices().stream(),
				Stream.of(SampleEntities.sample(EntityTypes.INVOICE, "x"), awkwardInvoice(InvoiceStatus.UNCOLLECTIBLE))).toList();
		for (Entity invoice : invoices) {
			assertSameEntity(MappingRoundTripTests.roundTrip(mapping, invoice, links), invoice);
		}
		for (InvoiceStatus status : InvoiceStatus.values()) {
			assertSameEntity(MappingRoundTripTests.roundTrip(mapping, awkwardInvoice(status), links), awkwardInvoice(status));
		}
		Map<String, Object> full = mapping.toRemote(awkwardInvoice(InvoiceStatus.PAID), links);
		assertThat(full).as("every mapped path gets a value").doesNotContainValue(null).containsOnlyKeys(mapping.paths());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedInvoiceMappings")
	void clearedOptionalFieldsAreClearedAtTheVendor(String vendor, RemoteSchema schema) {
		EntityMapping mapping = MappingRoundTripTests.compile(vendor, EntityTypes.INVOICE, schema, Map.of());
		Links links = new MappingRoundTripTests.MapLinks(CUSTOMERS);
		Map<String, Object> cleared = new HashMap<>();
		cleared.put(Invoice.ISSUED_AT, null);
		cleared.put(Invoice.DUE_AT, null);
		Entity bare = awkwardInvoice(InvoiceStatus.DRAFT).withChanges(cleared, SampleEntities.at(9));
		Map<String, Object> remote = mapping.toRemote(bare, links);
		mapping.pathsOf(Invoice.DUE_AT).forEach((path) -> assertThat(remote).containsEntry(path, null));
		mapping.pathsOf(Invoice.ISSUED_AT).forEach((path) -> assertThat(remote).containsEntry(path, null));
		assertSameEntity(MappingRoundTripTests.roundTrip(mapping, bare, links), bare);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedInvoiceMappings")
	void writesTheCustomerAsTheVendorIdOfItsLinkAndTheAmountAsADecimal(String vendor, RemoteSchema schema) {
		EntityMapping mapping = MappingRoundTripTests.compile(vendor, EntityTypes.INVOICE, schema, Map.of());
		Map<String, Object> remote = mapping.toRemote(awkwardInvoice(InvoiceStatus.PAID), new MappingRoundTripTests.MapLinks(CUSTOMERS));
		String customerPath = mapping.pathsOf(Invoice.CUSTOMER_ID).get(0);
		String amountPath = mapping.pathsOf(Invoice.AMOUNT).get(0);
		assertThat(remote).containsEntry(customerPath, "0035g00000C2");
		assertThat((BigDecimal) remote.get(amountPath)).isEqualByComparingTo("123456789012.3456");
		assertThat(remote).containsEntry(mapping.pathsOf(Invoice.STATUS).get(0), vendor.equals("salesforce") ? "Paid" : "PAID");
	}

	/** An invoice with text that trips naive encodings, many decimals and millisecond times. */
	static Entity awkwardInvoice(InvoiceStatus status) {
		return SampleEntities.invoice("rt-" + status, "c2", "INV-Ü/2024#1'\"", "123456789012.3456", "EUR", status,
				Instant.parse("2024-01-31T12:00:00.001Z"), Instant.parse("2099-12-31T23:59:59.999Z"),
				Instant.parse("2024-02-29T23:59:59.001Z"), Instant.parse("2024-03-01T00:00:00.999Z"));
	}
}
