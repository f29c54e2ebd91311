package io.catalogs.gateway.graphql;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceGraphQlIT extends GraphQlTestSupport {

	private static final String LIST = "query($filter: InvoiceFilter, $orderBy: InvoiceOrder, $first: Int, $after: String, "
			+ "$last: Int, $before: String) { invoices(filter: $filter, orderBy: $orderBy, first: $first, after: $after, "
			+ "last: $last, before: $before) { edges { cursor node { " + INVOICE_FIELDS
			+ " } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }";

	private static final Instant JAN = Instant.parse("2026-01-15T10:00:00Z");

	private static final Instant FEB = Instant.parse("2026-02-15T10:00:00Z");

	private static final Instant MAR = Instant.parse("2026-03-15T10:00:00Z");

	@Test
	void createdInvoicesAreReadThroughTheirCustomer() {
		String token = token();
		Map<String, Object> customer = createCustomer("Ann " + token, token + "@example.com");
		Map<String, Object> first = createInvoice(customer.get("id"), "19.99", Map.of());
		Map<String, Object> second = createInvoice(customer.get("id"), "5", Map.of("number", "N-" + token,
				"status", "OPEN", "issuedAt", JAN.toString(), "dueAt", FEB.toString()));
		assertThat((String) first.get("number")).matches("INV-\\d{8}-[2-9A-HJ-NP-Z]{6}");
		assertThat(first).containsEntry("status", "DRAFT").containsEntry("version", 1).containsEntry("currency", "EUR");
		assertThat(new BigDecimal(first.get("amount").toString())).isEqualByComparingTo("19.99");
		assertThat(second).containsEntry("number", "N-" + token)
			.containsEntry("issuedAt", "2026-01-15T10:00:00.000Z")
			.containsEntry("dueAt", "2026-02-15T10:00:00.000Z");

		Map<String, Object> read = this.graphQl.document("query($id: ID!) { customer(id: $id) { name invoices(first: 10) { "
				+ "edges { node { id number customer { id name } } } pageInfo { hasNextPage } } } }")
			.variable("id", customer.get("id"))
			.execute()
			.path("customer")
			.entity(MAP)
			.get();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> invoices = nodes((Map<String, Object>) read.get("invoices"));
		assertThat(values(invoices, "id")).containsExactlyInAnyOrder(first.get("id"), second.get("id"));
		assertThat(values(invoices, "customer")).containsOnly(Map.of("id", customer.get("id"), "name", "Ann " + token));

		Map<String, Object> invoice = this.graphQl.document("query($id: ID!) { invoice(id: $id) { " + INVOICE_FIELDS + " } }")
			.variable("id", second.get("id"))
			.execute()
			.path("invoice")
			.entity(MAP)
			.get();
		assertThat(invoice).isEqualTo(second);
	}

	@Test
	void aCustomersInvoicesFilterByStatusAndPage() {
		String token = token();
		Object customerId = createCustomer("Ann " + token, token + "@example.com").get("id");
		Object paid1 = createInvoice(customerId, "1", Map.of("status", "PAID")).get("id");
		createInvoice(customerId, "2", Map.of("status", "OPEN"));
		Object paid2 = createInvoice(customerId, "3", Map.of("status", "PAID")).get("id");
		String document = "query($id: ID!, $after: String) { customer(id: $id) { invoices(first: 1, after: $after, "
				+ "status: PAID) { edges { node { id status } } pageInfo { hasNextPage endCursor } } } }";
		Map<String, Object> page1 = this.graphQl.document(document).variable("id", customerId).execute()
			.path("customer.invoices").entity(MAP).get();
		assertThat(values(nodes(page1), "id")).hasSize(1).containsAnyOf(paid1, paid2);
		assertThat(pageInfo(page1)).containsEntry("hasNextPage", true);
		Map<String, Object> page2 = this.graphQl.document(document).variable("id", customerId)
			.variable("after", pageInfo(page1).get("endCursor")).execute()
			.path("customer.invoices").entity(MAP).get();
		assertThat(values(nodes(page2), "id")).hasSize(1).containsAnyOf(paid1, paid2)
			.doesNotContainAnyElementsOf(values(nodes(page1), "id"));
		assertThat(pageInfo(page2)).containsEntry("hasNextPage", false);
	}

	@Test
	void filtersByEveryInvoiceFilter() {
		String token = token();
		Object customerId = createCustomer("Ann " + token, token + "@example.com").get("id");
		Object other = createCustomer("Bob " + token, "b." + token + "@example.com").get("id");
		Object jan = createInvoice(customerId, "10", Map.of("status", "PAID", "issuedAt", JAN.toString())).get("id");
		Object feb = createInvoice(customerId, "20", Map.of("status", "OPEN", "issuedAt", FEB.toString())).get("id");
		Object mar = createInvoice(customerId, "30.5", Map.of("status", "OPEN", "issuedAt", MAR.toString())).get("id");
		Object none = createInvoice(customerId, "40", Map.of()).get("id");
		createInvoice(other, "10", Map.of("status", "PAID"));

		assertThat(ids(Map.of("customerId", customerId))).containsExactlyInAnyOrder(jan, feb, mar, none);
		assertThat(ids(Map.of("customerId", customerId, "status", "OPEN"))).containsExactlyInAnyOrder(feb, mar);
		assertThat(ids(Map.of("customerId", customerId, "issuedAfter", JAN.toString()))).containsExactlyInAnyOrder(feb, mar);
		assertThat(ids(Map.of("customerId", customerId, "issuedBefore", MAR.toString()))).containsExactlyInAnyOrder(jan, feb);
		assertThat(ids(Map.of("customerId", customerId, "amountMin", 20, "amountMax", "30.5")))
			.containsExactlyInAnyOrder(feb, mar);
		assertThat(ids(Map.of("customerId", customerId, "amountMax", 10))).containsExactly(jan);
	}

	@Test
	void ordersInvoicesByAmountIssuedAtAndNumber() {
		String token = token();
		Object customerId = createCustomer("Ann " + token, token + "@example.com").get("id");
		Object b = createInvoice(customerId, "20", Map.of("number", token + "-b", "issuedAt", FEB.toString())).get("id");
		Object a = createInvoice(customerId, "100", Map.of("number", token + "-a", "issuedAt", MAR.toString())).get("id");
		Object c = createInvoice(customerId, "3.5", Map.of("number", token + "-c", "issuedAt", JAN.toString())).get("id");
		Map<String, Object> filter = Map.of("customerId", customerId);
		assertThat(ids(filter, Map.of("field", "AMOUNT"))).containsExactly(c, b, a);
		assertThat(ids(filter, Map.of("field", "AMOUNT", "direction", "DESC"))).containsExactly(a, b, c);
		assertThat(ids(filter, Map.of("field", "ISSUED_AT"))).containsExactly(c, b, a);
		assertThat(ids(filter, Map.of("field", "NUMBER", "direction", "DESC"))).containsExactly(c, b, a);
	}

	@Test
	void anInvoiceForAMissingCustomerIsNotFound() {
		String missing = UUID.randomUUID().toString();
		assertError(execute("mutation($id: ID!) { createInvoice(input: {customerId: $id, amount: 1, currency: \"EUR\"}) "
				+ "{ id } }", Map.of("id", missing)), "NOT_FOUND", (error) -> {
					assertThat(error.getMessage()).contains("customerId").contains(missing);
					assertThat(error.getExtensions()).containsEntry("field", "customerId");
				});
	}

	@Test
	void invalidInvoiceInputIsABadRequestNamingTheField() {
		String token = token();
		Object customerId = createCustomer("Ann " + token, token + "@example.com").get("id");
		String create = "mutation($input: InvoiceInput!) { createInvoice(input: $input) { id } }";
		assertBadRequest(execute(create, Map.of("input", invoice(customerId, Map.of("currency", "EURO")))), "currency");
		assertBadRequest(execute(create, Map.of("input", invoice(customerId, Map.of("amount", "-1")))), "amount");
		assertBadRequest(execute(create, Map.of("input", invoice(customerId, Map.of("amount", "0.00001")))), "amount");
		assertBadRequest(execute(create, Map.of("input", invoice(customerId,
				Map.of("issuedAt", FEB.toString(), "dueAt", JAN.toString())))), "dueAt");
		assertBadRequest(execute(create, Map.of("input", invoice("nope", Map.of()))), "customerId");
	}

	@Test
	void updatesAndDeletesInvoices() {
		String token = token();
		Object customerId = createCustomer("Ann " + token, token + "@example.com").get("id");
		Object id = createInvoice(customerId, "10", Map.of("issuedAt", FEB.toString())).get("id");
		String update = "mutation($id: ID!, $input: InvoicePatch!, $v: Int) { updateInvoice(id: $id, input: $input, "
				+ "expectedVersion: $v) { status amount version dueAt } }";
		Map<String, Object> updated = execute(update, Map.of("id", id, "input", Map.of("status", "PAID", "amount", "12.50"),
				"v", 1)).path("updateInvoice").entity(MAP).get();
		assertThat(updated).containsEntry("status", "PAID").containsEntry("version", 2);
		assertThat(new BigDecimal(updated.get("amount").toString())).isEqualByComparingTo("12.5");
		assertBadRequest(execute(update, Map.of("id", id, "input", Map.of("dueAt", JAN.toString()))), "dueAt");
		assertError(execute(update, Map.of("id", id, "input", Map.of("status", "VOID"), "v", 1)), "VERSION_CONFLICT",
				(error) -> assertThat(error.getExtensions()).containsEntry("expectedVersion", 1));
		String delete = "mutation($id: ID!) { deleteInvoice(id: $id) }";
		assertThat(execute(delete, Map.of("id", id)).path("deleteInvoice").entity(String.class).get()).isEqualTo(id);
		execute("query($id: ID!) { invoice(id: $id) { id } }", Map.of("id", id)).path("invoice").valueIsNull();
		assertError(execute(delete, Map.of("id", id)), "NOT_FOUND", (error) -> {
		});
	}

	private List<Object> ids(Map<String, Object> filter) {
		return ids(filter, null);
	}

	private List<Object> ids(Map<String, Object> filter, Map<String, Object> orderBy) {
		Map<String, Object> variables = new HashMap<>(Map.of("filter", filter));
		variables.put("orderBy", orderBy);
		return values(nodes(execute(LIST, variables).path("invoices").entity(MAP).get()), "id");
	}

	private static Map<String, Object> invoice(Object customerId, Map<String, Object> more) {
		Map<String, Object> input = new HashMap<>(Map.of("customerId", customerId, "amount", "1", "currency", "EUR"));
		input.putAll(more);
		return input;
	}

	private GraphQlTester.Response execute(String document, Map<String, Object> variables) {
		return this.graphQl.document(document).variables(variables).execute();
	}
}
