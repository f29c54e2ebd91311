package io.catalogs.gateway.api;

import io.catalogs.client.fake.FakeServers;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invoices in the Salesforce and QuickBooks catalogs as sync secondaries, end to end: a customer and
 * an invoice created on the primary reach the Salesforce-compatible server (custom object
 * {@code Catalogs_Invoice__c}, linked to the customer's Contact) and the QuickBooks-compatible one
 * (an Invoice referring to the customer), their sync events end APPLIED, both catalogs read the
 * invoice back through the mapping, and an update and a delete follow.
 */
class SalesforceQuickBooksInvoiceSyncIT extends ApiCatalogsITSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final List<String> CATALOGS = List.of("salesforce", "quickbooks");

	private HttpGraphQlTester graphQl;

	@Autowired
	void graphQl(HttpGraphQlTester graphQl) {
		// the first requests of a fresh stack on a busy machine can take longer than the default 5 s
		this.graphQl = graphQl.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void anInvoiceCreatedOnThePrimaryReachesSalesforceAndQuickBooksAndItsUpdateAndDeleteFollow() {
		String token = "i" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String customerId = (String) this.graphQl
			.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }")
			.variable("input", Map.of("name", "Buyer " + token, "email", token + "@example.com"))
			.execute().path("createCustomer").entity(MAP).get().get("id");
		Map<String, Object> input = new HashMap<>(Map.of("customerId", customerId, "number", "INV-" + token,
				"amount", new BigDecimal("123.45"), "currency", "EUR", "status", "OPEN",
				"issuedAt", "2024-01-31T12:00:00.001Z", "dueAt", "2024-03-01T00:00:00.999Z"));
		String invoiceId = (String) this.graphQl
			.document("mutation($input: InvoiceInput!) { createInvoice(input: $input) { id version } }")
			.variable("input", input)
			.execute().path("createInvoice").entity(MAP).get().get("id");

		for (String catalog : CATALOGS) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(syncStates(invoiceId, catalog, 1))
				.as("%s sync of the invoice", catalog).contains("APPLIED"));
		}
		Map<String, Object> contact = FakeServers.salesforceVendor().records("Contact").stream()
			.filter((record) -> customerId.equals(record.get("Catalogs_Gateway_Id__c"))).findFirst().orElseThrow();
		assertThat(salesforceInvoice(invoiceId)).get().satisfies((record) -> assertThat(record)
			.containsEntry("Name", "INV-" + token).containsEntry("Catalogs_Customer__c", contact.get("Id"))
			.containsEntry("Catalogs_Status__c", "Open").containsEntry("Catalogs_Currency__c", "EUR"));
		Map<String, Object> qbCustomer = FakeServers.quickbooksVendor().entities("Customer").stream()
			.filter((customer) -> String.valueOf(customer.get("Notes")).contains(customerId)).findFirst().orElseThrow();
		assertThat(quickBooksInvoice(invoiceId)).get().satisfies((stored) -> assertThat(stored)
			.containsEntry("DocNumber", "INV-" + token).containsEntry("CustomerRef", Map.of("value", qbCustomer.get("Id")))
			.containsEntry("TxnDate", "2024-01-31"));

		for (String catalog : CATALOGS) {
			Map<String, Object> read = invoices(catalog, customerId);
			assertThat(read).as(catalog).containsEntry("id", invoiceId).containsEntry("number", "INV-" + token)
				.containsEntry("customerId", customerId).containsEntry("currency", "EUR").containsEntry("status", "OPEN")
				.containsEntry("issuedAt", "2024-01-31T12:00:00.001Z").containsEntry("dueAt", "2024-03-01T00:00:00.999Z")
				.containsEntry("version", 1).containsEntry("catalog", catalog);
			assertThat(new BigDecimal(read.get("amount").toString())).isEqualByComparingTo("123.45");
		}

		this.graphQl.document("mutation($id: ID!, $input: InvoicePatch!) { updateInvoice(id: $id, input: $input) { version } }")
			.variable("id", invoiceId).variable("input", Map.of("status", "PAID", "amount", new BigDecimal("200.00")))
			.execute().path("updateInvoice.version").entity(Integer.class).isEqualTo(2);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(salesforceInvoice(invoiceId)).get().satisfies((record) -> {
				assertThat(record).containsEntry("Catalogs_Status__c", "Paid");
				assertThat(new BigDecimal(record.get("Catalogs_Amount__c").toString())).isEqualByComparingTo("200");
			});
			assertThat(quickBooksInvoice(invoiceId)).get().satisfies((stored) -> {
				assertThat(new BigDecimal(stored.get("TotalAmt").toString())).isEqualByComparingTo("200");
				assertThat((String) stored.get("PrivateNote")).contains("\"status\":\"PAID\"");
			});
		});
		for (String catalog : CATALOGS) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(syncStates(invoiceId, catalog, 2))
				.contains("APPLIED"));
			assertThat(invoices(catalog, customerId)).as(catalog).containsEntry("status", "PAID").containsEntry("version", 2);
		}

		this.graphQl.document("mutation($id: ID!) { deleteInvoice(id: $id) }").variable("id", invoiceId).execute()
			.path("deleteInvoice").entity(String.class).isEqualTo(invoiceId);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(salesforceInvoice(invoiceId)).isEmpty();
			assertThat(quickBooksInvoice(invoiceId)).isEmpty();
		});
		for (String catalog : CATALOGS) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(syncStates(invoiceId, catalog, 3))
				.contains("APPLIED"));
			assertThat(this.graphQl.document("query($id: ID!, $catalog: String) { invoice(id: $id, catalog: $catalog) { id } }")
				.variable("id", invoiceId).variable("catalog", catalog).execute().path("invoice").valueIsNull());
		}
	}

	private Map<String, Object> invoices(String catalog, String customerId) {
		List<Map<String, Object>> found = this.graphQl
			.document("query($catalog: String, $customer: ID) { invoices(catalog: $catalog, filter: {customerId: $customer}) "
					+ "{ edges { node { id number customerId amount currency status issuedAt dueAt version catalog } } } }")
			.variable("catalog", catalog).variable("customer", customerId)
			.execute().path("invoices.edges[*].node").entityList(MAP).get();
		assertThat(found).as("invoices of the customer in %s", catalog).hasSize(1);
		return found.get(0);
	}

	private List<String> syncStates(String entityId, String target, int version) {
		return this.graphQl
			.document("query($id: ID) { syncEvents(entityId: $id) { edges { node { target version state } } } }")
			.variable("id", entityId).execute().path("syncEvents.edges[*].node").entityList(MAP).get().stream()
			.filter((node) -> target.equals(node.get("target")) && Integer.valueOf(version).equals(node.get("version")))
			.map((node) -> (String) node.get("state")).toList();
	}

	private static Optional<Map<String, Object>> salesforceInvoice(String invoiceId) {
		return FakeServers.salesforceVendor().records("Catalogs_Invoice__c").stream()
			.filter((record) -> invoiceId.equals(record.get("Catalogs_Gateway_Id__c"))).findFirst();
	}

	private static Optional<Map<String, Object>> quickBooksInvoice(String invoiceId) {
		return FakeServers.quickbooksVendor().entities("Invoice").stream()
			.filter((stored) -> String.valueOf(stored.get("PrivateNote")).contains(invoiceId)).findFirst();
	}
}
