package io.catalogs.api.salesforce;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.mapping.UnresolvedLinkException;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.salesforce.SalesforceClient;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Operator;
import io.catalogs.spi.PageRequest;
import io.catalogs.tck.SampleEntities;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/** What a Salesforce catalog does with invoices at Salesforce: the custom object, picklist values, mirrored dates, upserts. */
class SalesforceInvoicesIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static final Catalog catalog = SalesforceTestCatalogs.catalog(links, ReadCacheProperties.disabled(),
			Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE));

	private final Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "c1");

	@BeforeEach
	void clear() {
		FakeServers.salesforce().reset();
		links.clear();
	}

	@Test
	void writesTheCustomObjectLinkedToTheContactWithPicklistStatusAndMirroredDates() {
		catalog.create(this.customer).block(TIMEOUT);
		Entity invoice = invoice(InvoiceStatus.OPEN);
		assertSameEntity(catalog.create(invoice).block(TIMEOUT), invoice);
		String contactId = (String) FakeServers.salesforceVendor().records("Contact").get(0).get("Id");
		assertThat(FakeServers.salesforceVendor().records(SalesforceClient.INVOICE_OBJECT)).singleElement().satisfies((record) -> {
			assertThat(record).containsEntry("Name", "INV-77").containsEntry("Catalogs_Customer__c", contactId)
				.containsEntry("Catalogs_Status__c", "Open").containsEntry("Catalogs_Currency__c", "EUR")
				.containsEntry("Catalogs_Gateway_Id__c", invoice.id().toString())
				.containsEntry("Catalogs_Issued_At__c", "2024-01-31T12:00:00Z")
				.containsEntry("Catalogs_Due_At__c", "2024-03-01T00:00:00Z");
			assertThat(new BigDecimal(record.get("Catalogs_Amount__c").toString())).isEqualByComparingTo("19.90");
			assertThat((String) record.get("Catalogs_Metadata__c")).contains("\"issuedAt\":\"2024-01-31T12:00:00.001Z\"",
					"\"dueAt\":\"2024-03-01T00:00:00.999Z\"", "\"createdAt\"", "\"updatedAt\"");
			assertThat(record).containsKeys("CreatedDate", "SystemModstamp");
		});
		assertSameEntity(catalog.get(EntityTypes.INVOICE, invoice.id()).block(TIMEOUT), invoice);
	}

	@Test
	void anInvoiceBeforeItsCustomerIsARetriableRefusal() {
		StepVerifier.create(catalog.applyIfNewer(invoice(InvoiceStatus.DRAFT)))
			.expectError(UnresolvedLinkException.class)
			.verify(TIMEOUT);
		assertThat(FakeServers.salesforceVendor().records(SalesforceClient.INVOICE_OBJECT)).isEmpty();
	}

	@Test
	void updatesClearFieldsAndDeletesRemoveTheRecord() {
		catalog.create(this.customer).block(TIMEOUT);
		Entity invoice = invoice(InvoiceStatus.OPEN);
		catalog.create(invoice).block(TIMEOUT);
		Map<String, Object> changes = new HashMap<>();
		changes.put(Invoice.STATUS, InvoiceStatus.PAID.name());
		changes.put(Invoice.DUE_AT, null);
		Entity paid = catalog.update(EntityTypes.INVOICE, invoice.id(), changes, 1L, SampleEntities.at(9)).block(TIMEOUT);
		assertThat(FakeServers.salesforceVendor().records(SalesforceClient.INVOICE_OBJECT)).singleElement().satisfies((record) -> {
			assertThat(record).containsEntry("Catalogs_Status__c", "Paid").containsEntry("Catalogs_Due_At__c", null);
			assertThat((String) record.get("Catalogs_Metadata__c")).doesNotContain("dueAt");
		});
		assertSameEntity(catalog.get(EntityTypes.INVOICE, invoice.id()).block(TIMEOUT), paid);
		catalog.delete(EntityTypes.INVOICE, invoice.id(), 2L, SampleEntities.at(10)).block(TIMEOUT);
		assertThat(FakeServers.salesforceVendor().records(SalesforceClient.INVOICE_OBJECT)).isEmpty();
		assertThat(catalog.applyIfNewer(paid).block(TIMEOUT)).as("older than the tombstone").isEqualTo(ApplyResult.STALE);
	}

	@Test
	void declaresEqualityOnTextFieldsAndFiltersByStatusThroughSoql() {
		assertThat(catalog.capabilities()).contains(Capability.filter(EntityTypes.INVOICE, Invoice.STATUS, Operator.EQ),
				Capability.filter(EntityTypes.INVOICE, Invoice.CUSTOMER_ID, Operator.EQ),
				Capability.filter(EntityTypes.INVOICE, Invoice.NUMBER, Operator.EQ))
			.doesNotContain(Capability.filter(EntityTypes.INVOICE, Invoice.AMOUNT, Operator.GT));
		catalog.create(this.customer).block(TIMEOUT);
		catalog.create(invoice(InvoiceStatus.OPEN)).block(TIMEOUT);
		Entity paid = SampleEntities.invoice("i2", "c1", "INV-78", "5", "USD", InvoiceStatus.PAID, null, null,
				SampleEntities.at(1), SampleEntities.at(1));
		catalog.create(paid).block(TIMEOUT);
		int before = FakeServers.salesforce().received().size();
		List<Entity> found = catalog.list(EntityTypes.INVOICE, PageRequest.first(10).where(Condition.eq(Invoice.STATUS, "PAID")))
			.block(TIMEOUT).items();
		assertThat(found).singleElement().satisfies((entity) -> assertSameEntity(entity, paid));
		List<FakeExchange> received = FakeServers.salesforce().received();
		assertThat(received.subList(before, received.size())).anySatisfy((exchange) -> assertThat(exchange.queryParam("q"))
			.contains("FROM Catalogs_Invoice__c WHERE Catalogs_Status__c = 'Paid'"));
	}

	@Test
	void createsAreUpsertsOnTheGatewayId() {
		SalesforceClient client = SalesforceClient.create("salesforce-upserts",
				SalesforceTestCatalogs.properties(ReadCacheProperties.disabled()).client("salesforce-upserts"));
		SalesforceInvoiceCollection invoices = new SalesforceInvoiceCollection(client, 200);
		Map<String, Object> fields = Map.of("Catalogs_Gateway_Id__c", "5f0c-gateway-id", "Name", "INV-1",
				"Catalogs_Amount__c", new BigDecimal("1.50"), "Catalogs_Status__c", "Draft");
		IdempotencyKey key = IdempotencyKey.forEvent("invoice", "5f0c-gateway-id", 1, "CREATE");
		String first = invoices.create(fields, key).block(TIMEOUT);
		String again = invoices.create(fields, key).block(TIMEOUT);
		assertThat(again).isEqualTo(first);
		assertThat(FakeServers.salesforceVendor().records(SalesforceClient.INVOICE_OBJECT)).hasSize(1);
	}

	private static Entity invoice(InvoiceStatus status) {
		return SampleEntities.invoice("i1", "c1", "INV-77", "19.90", "EUR", status, Instant.parse("2024-01-31T12:00:00.001Z"),
				Instant.parse("2024-03-01T00:00:00.999Z"), SampleEntities.at(1), SampleEntities.at(2));
	}
}
