package io.catalogs.api.salesforce;

import io.catalogs.api.ApiCatalog;
import io.catalogs.api.InboundChange;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.tck.SampleEntities;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed of Salesforce invoices ({@code Catalogs_Invoice__c}) as the catalog's inbound view
 * reads it: inclusive and ordered by SystemModstamp then Id, the customer reference resolved through
 * the Contact's link (or reported unresolved), deletions from the recycle bin.
 */
class SalesforceInvoiceChangeFeedIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Instant T0 = Instant.parse("2024-06-01T10:00:00Z");

	private static final String INVOICES = "Catalogs_Invoice__c";

	private final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private final ApiCatalog catalog = (ApiCatalog) SalesforceTestCatalogs.catalog(this.links, ReadCacheProperties.defaults(),
			Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE));

	@BeforeEach
	void clear() {
		FakeServers.salesforce().reset();
	}

	@Test
	void readsInvoicesAtOrAfterTheTimeInOrderWithTheCustomerResolvedThroughItsLink() {
		Entity customer = SampleEntities.customer("sfi1", "Ada Lovelace", "ada@example.com", null, null, SampleEntities.at(1),
				SampleEntities.at(2));
		this.catalog.applyIfNewer(customer).block(TIMEOUT);
		String contactId = (String) FakeServers.salesforceVendor().records("Contact").get(0).get("Id");
		for (int i = 0; i < 250; i++) {
			FakeServers.salesforceVendor().seed(INVOICES, invoice("INV-" + i, contactId), T0.plusSeconds(i / 4));
		}
		String unknownContact = FakeServers.salesforceVendor().seed("Contact", Map.of("LastName", "New", "Email",
				"new@example.com"), T0);
		FakeServers.salesforceVendor().seed(INVOICES, invoice("INV-U", unknownContact), T0.plusSeconds(100));

		List<InboundChange> all = this.catalog.modifiedSince(EntityTypes.INVOICE, T0).collectList().block(TIMEOUT);
		List<InboundChange> later = this.catalog.modifiedSince(EntityTypes.INVOICE, T0.plusSeconds(50)).collectList()
			.block(TIMEOUT);

		assertThat(this.catalog.changeFeed(EntityTypes.INVOICE)).isTrue();
		assertThat(all).hasSize(251).isSortedAccordingTo((a, b) -> a.modifiedAt().equals(b.modifiedAt())
				? a.remoteId().compareTo(b.remoteId()) : a.modifiedAt().compareTo(b.modifiedAt()));
		// inclusive: the whole group stamped at the bound comes
		assertThat(later).hasSize(251 - 200).first()
			.satisfies((change) -> assertThat(change.modifiedAt()).isEqualTo(T0.plusSeconds(50)));
		assertThat(all.get(0)).satisfies((change) -> {
			assertThat(change.type()).isEqualTo(EntityTypes.INVOICE);
			assertThat(change.entityId()).isNull();
			assertThat(change.unresolved()).isEmpty();
			assertThat(change.attributes()).containsEntry(Invoice.CUSTOMER_ID, customer.id())
				.containsEntry(Invoice.NUMBER, "INV-0").containsEntry(Invoice.CURRENCY, "EUR")
				.containsEntry(Invoice.STATUS, "OPEN");
			assertThat((BigDecimal) change.attributes().get(Invoice.AMOUNT)).isEqualByComparingTo("12.5");
		});
		assertThat(all.get(250)).satisfies((change) -> {
			assertThat(change.attributes()).containsEntry(Invoice.NUMBER, "INV-U");
			assertThat(change.attributes().get(Invoice.CUSTOMER_ID)).isNull();
			assertThat(change.unresolved()).isEqualTo(Map.of(EntityTypes.CUSTOMER, Set.of(unknownContact)));
		});
	}

	@Test
	void reportsTheGatewaysIdsVersionsAndDeletions() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "sfi2");
		Entity invoice = SampleEntities.invoice("sfi3", "sfi2", "INV-sfi3", "19.90", "EUR", InvoiceStatus.OPEN, null, null,
				SampleEntities.at(1), SampleEntities.at(2));
		this.catalog.applyIfNewer(customer).block(TIMEOUT);
		this.catalog.applyIfNewer(invoice).block(TIMEOUT);
		String remoteId = (String) FakeServers.salesforceVendor().records(INVOICES).get(0).get("Id");

		InboundChange written = this.catalog.current(EntityTypes.INVOICE, remoteId).block(TIMEOUT);
		FakeServers.salesforceVendor().remove(INVOICES, remoteId);
		InboundChange deleted = this.catalog.current(EntityTypes.INVOICE, remoteId).block(TIMEOUT);
		List<InboundChange> feed = this.catalog.modifiedSince(EntityTypes.INVOICE, Instant.EPOCH).collectList().block(TIMEOUT);

		assertThat(written.entityId()).isEqualTo(invoice.id());
		assertThat(written.linked()).isTrue();
		assertThat(written.version()).isEqualTo(1L);
		assertThat(written.attributes()).containsEntry(Invoice.CUSTOMER_ID, customer.id())
			.containsEntry(Invoice.NUMBER, "INV-sfi3");
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.entityId()).isEqualTo(invoice.id());
		assertThat(deleted.modifiedAt()).isAfterOrEqualTo(written.modifiedAt());
		assertThat(feed).singleElement().satisfies((change) -> assertThat(change.deleted()).isTrue());
		assertThat(this.catalog.current(EntityTypes.INVOICE, "a0NOSUCHTHING").blockOptional(TIMEOUT)).isEmpty();
	}

	private static Map<String, Object> invoice(String number, String contactId) {
		return Map.of("Name", number, "Catalogs_Customer__c", contactId, "Catalogs_Amount__c", 12.5, "Catalogs_Currency__c",
				"EUR", "Catalogs_Status__c", "Open");
	}
}
