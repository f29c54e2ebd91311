package io.catalogs.gateway.api;

import io.catalogs.client.fake.FakeServers;

import java.math.BigDecimal;
import java.time.Duration;
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
 * Invoices on the Stripe catalog as a sync secondary, end to end: an invoice created on the primary
 * becomes a Stripe invoice of the customer's Stripe customer with its amount as one invoice item,
 * reads back through {@code invoices(catalog: "stripe")}, follows status changes through Stripe's
 * finalize and pay actions, and a delete marks it deleted at Stripe (a paid invoice cannot be voided).
 */
class StripeInvoiceSyncIT extends ApiCatalogsITSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void anInvoiceCreatedOnThePrimaryIsAStripeInvoiceThatFollowsItsStatusAndDelete() {
		String token = "i" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String customerId = (String) this.graphQl.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }")
			.variable("input", Map.of("name", "Buyer " + token, "email", token + "@example.com"))
			.execute().path("createCustomer").entity(MAP).get().get("id");
		await().atMost(WAIT).untilAsserted(() -> assertThat(syncStates(customerId, 1)).containsExactly("APPLIED"));
		String stripeCustomer = (String) FakeServers.stripeVendor().customers().stream()
			.filter((c) -> (token + "@example.com").equals(c.get("email"))).findFirst().orElseThrow().get("id");

		Map<String, Object> created = this.graphQl
			.document("mutation($input: InvoiceInput!) { createInvoice(input: $input) { id number } }")
			.variable("input", Map.of("customerId", customerId, "amount", "42.50", "currency", "EUR",
					"dueAt", "2031-02-15T10:00:00.250Z"))
			.execute().path("createInvoice").entity(MAP).get();
		String id = (String) created.get("id");
		await().atMost(WAIT).untilAsserted(() -> assertThat(syncStates(id, 1)).containsExactly("APPLIED"));
		Map<String, Object> atStripe = stripeInvoice(id).orElseThrow();
		assertThat(atStripe).containsEntry("customer", stripeCustomer).containsEntry("total", 4250L)
			.containsEntry("currency", "eur").containsEntry("status", "draft");
		assertThat(FakeServers.stripeVendor().invoiceItems()).filteredOn((item) -> atStripe.get("id").equals(item.get("invoice")))
			.singleElement().satisfies((item) -> assertThat(item).containsEntry("amount", 4250L));

		Map<String, Object> read = readFromStripe(customerId).orElseThrow();
		assertThat(read).containsEntry("id", id).containsEntry("customerId", customerId)
			.containsEntry("number", created.get("number")).containsEntry("currency", "EUR").containsEntry("status", "DRAFT")
			.containsEntry("dueAt", "2031-02-15T10:00:00.250Z").containsEntry("version", 1).containsEntry("catalog", "stripe");
		assertThat(new BigDecimal(read.get("amount").toString())).isEqualByComparingTo("42.50");

		updateStatus(id, "OPEN");
		await().atMost(WAIT).untilAsserted(() -> assertThat(syncStates(id, 2)).containsExactly("APPLIED"));
		assertThat(stripeInvoice(id).orElseThrow()).containsEntry("status", "open");
		updateStatus(id, "PAID");
		await().atMost(WAIT).untilAsserted(() -> assertThat(syncStates(id, 3)).containsExactly("APPLIED"));
		assertThat(stripeInvoice(id).orElseThrow()).containsEntry("status", "paid").containsEntry("paid_out_of_band", true);
		assertThat(readFromStripe(customerId).orElseThrow()).containsEntry("status", "PAID").containsEntry("version", 3);

		this.graphQl.document("mutation($id: ID!) { deleteInvoice(id: $id) }").variable("id", id).execute();
		await().atMost(WAIT).untilAsserted(() -> assertThat(syncStates(id, 4)).containsExactly("APPLIED"));
		assertThat(metadata(stripeInvoice(id).orElseThrow())).containsEntry("gateway_deleted", "true");
		assertThat(readFromStripe(customerId)).isEmpty();
	}

	private void updateStatus(String id, String status) {
		this.graphQl.document("mutation($id: ID!, $input: InvoicePatch!) { updateInvoice(id: $id, input: $input) { version } }")
			.variable("id", id).variable("input", Map.of("status", status)).execute().path("updateInvoice").hasValue();
	}

	private Optional<Map<String, Object>> readFromStripe(String customerId) {
		return this.graphQl
			.document("query($customerId: ID) { invoices(catalog: \"stripe\", filter: {customerId: $customerId}) "
					+ "{ edges { node { id customerId number amount currency status dueAt version catalog } } } }")
			.variable("customerId", customerId)
			.execute().path("invoices.edges[*].node").entityList(MAP).get().stream().findFirst();
	}

	private List<String> syncStates(String id, int version) {
		return this.graphQl.document("query($id: ID) { syncEvents(entityId: $id) { edges { node { target state version } } } }")
			.variable("id", id).execute().path("syncEvents.edges[*].node").entityList(MAP).get().stream()
			.filter((node) -> "stripe".equals(node.get("target")) && Integer.valueOf(version).equals(node.get("version")))
			.map((node) -> (String) node.get("state")).toList();
	}

	private static Optional<Map<String, Object>> stripeInvoice(String id) {
		return FakeServers.stripeVendor().invoices().stream().filter((invoice) -> id.equals(metadata(invoice).get("gateway_id")))
			.findFirst();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> metadata(Map<String, Object> invoice) {
		return (Map<String, Object>) invoice.get("metadata");
	}
}
