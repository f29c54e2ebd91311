package io.catalogs.api.quickbooks;

import io.catalogs.api.ApiCatalog;
import io.catalogs.api.InboundChange;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.api.RemoteChange;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.quickbooks.QuickBooksClient;
import io.catalogs.client.quickbooks.QuickBooksCustomer;
import io.catalogs.client.quickbooks.QuickBooksInvoice;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.Catalog;
import io.catalogs.tck.SampleEntities;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a QuickBooks catalog does with invoices at QuickBooks (one sales line, PrivateNote, mirrored
 * dates, requestid, sparse updates, operation=delete), and the change feed of customers and invoices.
 */
class QuickBooksInvoicesIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static Catalog catalog;

	private static QuickBooksClient client;

	private final Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "c1");

	@BeforeAll
	static void createCatalog() {
		FakeServers.quickbooks().reset();
		catalog = QuickBooksTestCatalogs.catalog(links, ReadCacheProperties.disabled(),
				Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE));
		// Intuit rotates refresh tokens: the second client starts from the token left after the first's refresh
		catalog.ping().block(TIMEOUT);
		client = QuickBooksClient.create("quickbooks-feed",
				QuickBooksTestCatalogs.properties(ReadCacheProperties.disabled()).client("quickbooks-feed"));
	}

	@BeforeEach
	void clear() {
		FakeServers.quickbooksVendor().clearEntities();
		FakeServers.quickbooksVendor().uniqueDisplayNames(true);
		links.clear();
	}

	@Test
	@SuppressWarnings("unchecked")
	void createsOneSalesLineWithARequestIdAndKeepsStatusAndExactTimesInPrivateNote() {
		catalog.create(this.customer).block(TIMEOUT);
		Entity invoice = invoice("i1", InvoiceStatus.OPEN);
		assertSameEntity(catalog.create(invoice).block(TIMEOUT), invoice);
		String customerId = (String) FakeServers.quickbooksVendor().entities("Customer").get(0).get("Id");
		assertThat(FakeServers.quickbooksVendor().entities("Invoice")).singleElement().satisfies((stored) -> {
			assertThat(stored).containsEntry("DocNumber", "INV-i1").containsEntry("CustomerRef", Map.of("value", customerId))
				.containsEntry("CurrencyRef", Map.of("value", "EUR")).containsEntry("TxnDate", "2024-01-31")
				.containsEntry("DueDate", "2024-03-01");
			List<Map<String, Object>> lines = (List<Map<String, Object>>) stored.get("Line");
			assertThat(lines).singleElement().satisfies((line) -> assertThat(line).containsEntry("DetailType", "SalesItemLineDetail"));
			assertThat(lines.get(0).get("Amount").toString()).isEqualTo("19.9");
			assertThat((String) stored.get("PrivateNote")).contains("\"status\":\"OPEN\"",
					"\"issuedAt\":\"2024-01-31T12:00:00.001Z\"", "\"dueAt\":\"2024-03-01T00:00:00.999Z\"", "\"id\":\"" + invoice.id());
		});
		assertThat(FakeServers.quickbooks().received()).filteredOn((e) -> e.is("POST", "/v3/company/")
				&& e.path().endsWith("/invoice")).first()
			.satisfies((create) -> assertThat(create.queryParam("requestid")).startsWith("catalogs-"));
		assertSameEntity(catalog.get(EntityTypes.INVOICE, invoice.id()).block(TIMEOUT), invoice);
	}

	@Test
	void updatesSparselyAtTheSyncTokenAndDeletesWithTheDeleteOperation() {
		catalog.create(this.customer).block(TIMEOUT);
		Entity invoice = invoice("i1", InvoiceStatus.OPEN);
		catalog.create(invoice).block(TIMEOUT);
		Map<String, Object> changes = new HashMap<>();
		changes.put(Invoice.STATUS, InvoiceStatus.PAID.name());
		changes.put(Invoice.AMOUNT, new BigDecimal("25.00"));
		Entity paid = catalog.update(EntityTypes.INVOICE, invoice.id(), changes, 1L, SampleEntities.at(9)).block(TIMEOUT);
		Map<String, Object> stored = FakeServers.quickbooksVendor().entities("Invoice").get(0);
		assertThat(stored).containsEntry("SyncToken", "1");
		assertThat(stored.get("TotalAmt").toString()).isEqualTo("25.0");
		assertThat((String) stored.get("PrivateNote")).contains("\"status\":\"PAID\"");
		assertSameEntity(catalog.get(EntityTypes.INVOICE, invoice.id()).block(TIMEOUT), paid);

		String remoteId = (String) stored.get("Id");
		catalog.delete(EntityTypes.INVOICE, invoice.id(), 2L, SampleEntities.at(10)).block(TIMEOUT);
		assertThat(FakeServers.quickbooksVendor().entities("Invoice")).isEmpty();
		assertThat(FakeServers.quickbooks().received()).anyMatch((e) -> e.is("POST", "/v3/company/")
				&& "delete".equals(e.queryParam("operation")));
		RemoteChange deleted = invoices().current(remoteId).block(TIMEOUT);
		assertThat(deleted).isNotNull();
		assertThat(deleted.deleted()).isTrue();
		assertThat(invoices().current("424242").block(TIMEOUT)).as("never existed").isNull();
	}

	@Test
	void customerChangesListEveryCustomerOnceInTimeOrderAcrossPagesWithInactiveOnesAsDeleted() {
		Instant start = Instant.now().minusSeconds(1);
		for (int i = 0; i < 8; i++) {
			client.customers().create(QuickBooksCustomer.of("Feed " + i, null, null, null),
					IdempotencyKey.forEvent("customer", "feed-" + i, 1, "CREATE")).block(TIMEOUT);
		}
		Map<String, Object> first = FakeServers.quickbooksVendor().entities("Customer").get(0);
		client.deactivateCustomer((String) first.get("Id"), (String) first.get("SyncToken")).block(TIMEOUT);

		QuickBooksCustomerCollection customers = new QuickBooksCustomerCollection(client, 3);
		List<RemoteChange> changes = customers.modifiedSince(start).collectList().block(TIMEOUT);
		assertThat(changes).extracting(RemoteChange::remoteId).doesNotHaveDuplicates().hasSize(8);
		assertThat(changes).extracting(RemoteChange::modifiedAt).isSorted();
		assertThat(changes).filteredOn(RemoteChange::deleted).extracting(RemoteChange::remoteId).containsExactly((String) first.get("Id"));
		assertThat(FakeServers.quickbooks().received()).anyMatch((e) -> String.valueOf(e.queryParam("query"))
			.contains("where Active in (true, false) and MetaData.LastUpdatedTime >= '")
				&& String.valueOf(e.queryParam("query")).contains("orderby MetaData.LastUpdatedTime STARTPOSITION"));
		assertThat(customers.current((String) first.get("Id")).block(TIMEOUT).deleted()).isTrue();
		assertThat(customers.modifiedSince(Instant.now().plusSeconds(5)).collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void invoiceChangesMergeLiveInvoicesWithDeletionsFromChangeDataCapture() {
		catalog.create(this.customer).block(TIMEOUT);
		Instant start = Instant.now().minusSeconds(1);
		for (int i = 0; i < 5; i++) {
			catalog.create(invoice("f" + i, InvoiceStatus.DRAFT)).block(TIMEOUT);
		}
		catalog.delete(EntityTypes.INVOICE, SampleEntities.id("f2"), null, SampleEntities.at(20)).block(TIMEOUT);

		List<RemoteChange> changes = new QuickBooksInvoiceCollection(client, 2).modifiedSince(start).collectList().block(TIMEOUT);
		assertThat(changes).hasSize(5).extracting(RemoteChange::remoteId).doesNotHaveDuplicates();
		assertThat(changes).extracting(RemoteChange::modifiedAt).isSorted();
		assertThat(changes).filteredOn(RemoteChange::deleted).singleElement()
			.satisfies((deletion) -> assertThat(deletion.object().fields()).isEmpty());
		assertThat(changes).filteredOn((change) -> !change.deleted()).hasSize(4)
			.allSatisfy((change) -> assertThat(change.object().text("PrivateNote.status")).isEqualTo("DRAFT"));
		assertThat(FakeServers.quickbooks().received()).anyMatch((FakeExchange e) -> e.path().endsWith("/cdc")
				&& "Invoice".equals(e.queryParam("entities")) && e.queryParam("changedSince") != null);
	}

	@Test
	void anInvoiceMadeInQuickBooksReadsAsACompleteOpenChange() {
		Entity ada = catalog.create(this.customer).block(TIMEOUT);
		Instant start = Instant.now().minusSeconds(1);
		String customerId = (String) FakeServers.quickbooksVendor().entities("Customer").get(0).get("Id");
		QuickBooksInvoice made = client.invoices().create(QuickBooksInvoice.of("1038", customerId, client.invoiceItemId(),
				new BigDecimal("99.50"), "USD", LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-31"), null),
				IdempotencyKey.of("made-in-quickbooks")).block(TIMEOUT);
		ApiCatalog api = (ApiCatalog) catalog;

		List<InboundChange> changes = api.modifiedSince(EntityTypes.INVOICE, start).collectList().block(TIMEOUT);
		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.remoteId()).isEqualTo(made.id());
			assertThat(change.fromGateway()).isFalse();
			assertThat(change.attributes()).containsEntry(Invoice.NUMBER, "1038").containsEntry(Invoice.STATUS, "OPEN")
				.containsEntry(Invoice.CUSTOMER_ID, ada.id()).containsEntry(Invoice.CURRENCY, "USD");
			assertThat(change.attributes().get(Invoice.AMOUNT)).isInstanceOfSatisfying(BigDecimal.class,
					(amount) -> assertThat(amount).isEqualByComparingTo("99.50"));
			EntityTypes.INVOICE.attributes().stream().filter((field) -> field.required())
				.forEach((field) -> assertThat(change.attributes().get(field.name())).as(field.name()).isNotNull());
		});
		assertThat(api.current(EntityTypes.INVOICE, made.id()).block(TIMEOUT).attributes())
			.containsEntry(Invoice.STATUS, "OPEN");
	}

	private static QuickBooksInvoiceCollection invoices() {
		return new QuickBooksInvoiceCollection(client, 100);
	}

	private static Entity invoice(String key, InvoiceStatus status) {
		return SampleEntities.invoice(key, "c1", "INV-" + key, "19.90", "EUR", status, Instant.parse("2024-01-31T12:00:00.001Z"),
				Instant.parse("2024-03-01T00:00:00.999Z"), SampleEntities.at(1), SampleEntities.at(2));
	}
}
