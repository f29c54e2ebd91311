package io.catalogs.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerGraphQlIT extends GraphQlTestSupport {

	private static final String LIST = "query($filter: CustomerFilter, $orderBy: CustomerOrder, $first: Int, "
			+ "$after: String, $last: Int, $before: String) { customers(filter: $filter, orderBy: $orderBy, "
			+ "first: $first, after: $after, last: $last, before: $before) { edges { cursor node { " + CUSTOMER_FIELDS
			+ " } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }";

	@Test
	void createdCustomerCanBeReadAndListed() {
		String token = token();
		Map<String, Object> created = createCustomer(Map.of("name", "Ann " + token, "email", token + "@example.com",
				"phone", "+1 555 0100", "metadata", Map.of("tier", "gold", "tags", List.of("a", "b"))));
		assertThat(created.get("version")).isEqualTo(1);
		assertThat(created.get("catalog")).isEqualTo("postgres");
		assertThat((String) created.get("createdAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
		assertThat(created.get("updatedAt")).isEqualTo(created.get("createdAt"));
		assertThat(created.get("metadata")).isEqualTo(Map.of("tier", "gold", "tags", List.of("a", "b")));

		Map<String, Object> read = this.graphQl.document("query($id: ID!) { customer(id: $id) { " + CUSTOMER_FIELDS + " } }")
			.variable("id", created.get("id"))
			.execute()
			.path("customer")
			.entity(MAP)
			.get();
		assertThat(read).isEqualTo(created);

		List<Map<String, Object>> listed = nodes(list(Map.of("filter", Map.of("email", token + "@example.com"))));
		assertThat(listed).containsExactly(created);
	}

	@Test
	void aMissingCustomerIsNullNotAnError() {
		this.graphQl.document("query($id: ID!) { customer(id: $id) { id } }")
			.variable("id", UUID.randomUUID().toString())
			.execute()
			.path("customer")
			.valueIsNull();
	}

	@Test
	void filtersByEveryCustomerFilter() {
		String token = token();
		List<Map<String, Object>> created = new ArrayList<>();
		for (String name : List.of("Alpha", "Beta", "Gamma")) {
			created.add(createCustomer(name + " " + token.toUpperCase(), name.toLowerCase() + "." + token + "@example.com"));
		}
		assertThat(values(nodes(list(Map.of("filter", Map.of("nameContains", token)))), "id"))
			.containsExactlyInAnyOrderElementsOf(values(created, "id"));
		assertThat(values(nodes(list(Map.of("filter", Map.of("email", "beta." + token + "@example.com")))), "name"))
			.containsExactly("Beta " + token.toUpperCase());

		Instant middle = Instant.parse((String) created.get(1).get("updatedAt"));
		List<Object> after = created.stream()
			.filter((customer) -> Instant.parse((String) customer.get("updatedAt")).isAfter(middle))
			.map((customer) -> customer.get("id"))
			.toList();
		List<Object> before = created.stream()
			.filter((customer) -> Instant.parse((String) customer.get("updatedAt")).isBefore(middle))
			.map((customer) -> customer.get("id"))
			.toList();
		assertThat(values(nodes(list(Map.of("filter", Map.of("nameContains", token, "updatedAfter", middle.toString())))), "id"))
			.containsExactlyInAnyOrderElementsOf(after);
		assertThat(values(nodes(list(Map.of("filter", Map.of("nameContains", token, "updatedBefore", middle.toString())))), "id"))
			.containsExactlyInAnyOrderElementsOf(before);
		assertThat(nodes(list(Map.of("filter", Map.of("nameContains", token, "updatedAfter", middle.toString(),
				"updatedBefore", middle.toString()))))).isEmpty();
	}

	@Test
	void ordersByEveryOrderFieldInBothDirections() {
		String token = token();
		List<Map<String, Object>> created = new ArrayList<>();
		for (String name : List.of("Cid", "Ann", "Bob")) {
			created.add(createCustomer(name + " " + token, name.toLowerCase() + "." + token + "@example.com"));
		}
		Map<String, Object> filter = Map.of("nameContains", token);
		assertThat(values(nodes(list(Map.of("filter", filter, "orderBy", Map.of("field", "NAME")))), "name"))
			.containsExactly("Ann " + token, "Bob " + token, "Cid " + token);
		assertThat(values(nodes(list(Map.of("filter", filter, "orderBy", Map.of("field", "EMAIL", "direction", "DESC")))),
				"name"))
			.containsExactly("Cid " + token, "Bob " + token, "Ann " + token);
		for (String field : List.of("CREATED_AT", "UPDATED_AT")) {
			String key = field.equals("CREATED_AT") ? "createdAt" : "updatedAt";
			Comparator<Map<String, Object>> order = Comparator
				.comparing((Map<String, Object> customer) -> Instant.parse((String) customer.get(key)))
				.thenComparing((customer) -> (String) customer.get("id"));
			assertThat(nodes(list(Map.of("filter", filter, "orderBy", Map.of("field", field)))))
				.containsExactlyElementsOf(created.stream().sorted(order).toList());
			assertThat(nodes(list(Map.of("filter", filter, "orderBy", Map.of("field", field, "direction", "DESC")))))
				.containsExactlyElementsOf(created.stream().sorted(order.reversed()).toList());
		}
	}

	@Test
	void walksAllPagesForwardsAndBackwards() {
		String token = token();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			String name = token + " customer " + (char) ('g' - i);
			createCustomer(name, "c" + i + "." + token + "@example.com");
			names.add(name);
		}
		List<String> expected = names.stream().sorted().toList();
		Map<String, Object> filter = Map.of("nameContains", token);
		Map<String, Object> orderBy = Map.of("field", "NAME");

		List<Object> forwards = new ArrayList<>();
		List<Boolean> hasPrevious = new ArrayList<>();
		String after = null;
		Map<String, Object> connection;
		do {
			Map<String, Object> variables = new HashMap<>(Map.of("filter", filter, "orderBy", orderBy, "first", 3));
			variables.put("after", after);
			connection = list(variables);
			forwards.addAll(values(nodes(connection), "name"));
			hasPrevious.add((Boolean) pageInfo(connection).get("hasPreviousPage"));
			after = (String) pageInfo(connection).get("endCursor");
		}
		while ((Boolean) pageInfo(connection).get("hasNextPage"));
		assertThat(forwards).containsExactlyElementsOf(expected);
		assertThat(hasPrevious).containsExactly(false, true, true);

		List<Object> backwards = new ArrayList<>();
		List<Boolean> hasNext = new ArrayList<>();
		String before = null;
		do {
			Map<String, Object> variables = new HashMap<>(Map.of("filter", filter, "orderBy", orderBy, "last", 3));
			variables.put("before", before);
			connection = list(variables);
			backwards.addAll(0, values(nodes(connection), "name"));
			hasNext.add((Boolean) pageInfo(connection).get("hasNextPage"));
			before = (String) pageInfo(connection).get("startCursor");
		}
		while ((Boolean) pageInfo(connection).get("hasPreviousPage"));
		assertThat(backwards).containsExactlyElementsOf(expected);
		assertThat(hasNext).containsExactly(false, true, true);
	}

	@Test
	void capsThePageSize() {
		assertThat(nodes(list(Map.of("filter", Map.of("nameContains", token()), "first", 100)))).isEmpty();
		assertBadRequest(execute(LIST, Map.of("first", 101)), "first");
		assertBadRequest(execute(LIST, Map.of("last", 101)), "last");
		assertBadRequest(execute(LIST, Map.of("first", -1)), "first");
		assertBadRequest(execute(LIST, Map.of("first", 1, "last", 1)), "last");
	}

	@Test
	void defaultsToTwentyItems() {
		String token = token();
		for (int i = 0; i < 21; i++) {
			createCustomer(token + " " + i, i + "." + token + "@example.com");
		}
		Map<String, Object> connection = list(Map.of("filter", Map.of("nameContains", token)));
		assertThat(nodes(connection)).hasSize(20);
		assertThat(pageInfo(connection)).containsEntry("hasNextPage", true);
	}

	@Test
	void refusesMalformedCursors() {
		assertBadRequest(execute(LIST, Map.of("first", 1, "after", "not-a-cursor")), "after");
		String token = token();
		createCustomer("Ann " + token, token + "@example.com");
		String byCreation = (String) pageInfo(list(Map.of("first", 1))).get("endCursor");
		assertBadRequest(execute(LIST, Map.of("first", 1, "after", byCreation, "orderBy", Map.of("field", "NAME"))),
				"after");
	}

	@Test
	void updatesOnlyGivenFieldsAndClearsExplicitNulls() {
		String token = token();
		Map<String, Object> created = createCustomer(
				Map.of("name", "Ann " + token, "email", token + "@example.com", "phone", "+44 20 7946 0000"));
		Map<String, Object> patch = new HashMap<>();
		patch.put("name", "Anne " + token);
		patch.put("phone", null);
		Map<String, Object> updated = update(created.get("id"), patch, null).path("updateCustomer").entity(MAP).get();
		assertThat(updated).containsEntry("name", "Anne " + token)
			.containsEntry("email", token + "@example.com")
			.containsEntry("phone", null)
			.containsEntry("version", 2)
			.containsEntry("createdAt", created.get("createdAt"));
	}

	@Test
	void writesWithAStaleExpectedVersionConflict() {
		String token = token();
		Object id = createCustomer("Ann " + token, token + "@example.com").get("id");
		assertThat(update(id, Map.of("name", "B " + token), 1).path("updateCustomer.version").entity(Integer.class).get())
			.isEqualTo(2);
		assertError(update(id, Map.of("name", "C " + token), 1), "VERSION_CONFLICT", (error) -> assertThat(
				error.getExtensions()).containsEntry("expectedVersion", 1).containsEntry("actualVersion", 2));
		assertError(delete(id, 1), "VERSION_CONFLICT", (error) -> assertThat(error.getExtensions())
			.containsEntry("actualVersion", 2));
	}

	@Test
	void deletesReturnTheIdAndHideTheCustomer() {
		String token = token();
		Object id = createCustomer("Ann " + token, token + "@example.com").get("id");
		assertThat(delete(id, 1).path("deleteCustomer").entity(String.class).get()).isEqualTo(id);
		this.graphQl.document("query($id: ID!) { customer(id: $id) { id } }").variable("id", id).execute()
			.path("customer").valueIsNull();
		assertThat(nodes(list(Map.of("filter", Map.of("nameContains", token))))).isEmpty();
		assertError(delete(id, null), "NOT_FOUND", (error) -> assertThat(error.getMessage()).contains(id.toString()));
		assertError(update(id, Map.of("name", "Zed"), null), "NOT_FOUND", (error) -> {
		});
	}

	@Test
	void updatingAMissingCustomerIsNotFound() {
		String id = UUID.randomUUID().toString();
		assertError(update(id, Map.of("name", "Zed"), null), "NOT_FOUND",
				(error) -> assertThat(error.getMessage()).contains(id));
	}

	@Test
	void anUnknownCatalogIsClassified() {
		assertError(execute("{ customers(catalog: \"nowhere\") { edges { cursor } } }", Map.of()), "UNKNOWN_CATALOG",
				(error) -> assertThat(error.getMessage()).contains("nowhere"));
		assertError(execute("mutation { createCustomer(catalog: \"nowhere\", input: {name: \"A\", email: \"a@b.co\"}) { id } }",
				Map.of()), "UNKNOWN_CATALOG", (error) -> {
				});
		assertError(execute("{ customer(catalog: \"nowhere\", id: \"" + UUID.randomUUID() + "\") { id } }", Map.of()),
				"UNKNOWN_CATALOG", (error) -> {
				});
	}

	@Test
	void invalidInputIsABadRequestNamingTheField() {
		assertBadRequest(execute("mutation { createCustomer(input: {name: \"Ann\", email: \"not-an-email\"}) { id } }",
				Map.of()), "email");
		assertBadRequest(execute("mutation { createCustomer(input: {name: \"\", email: \"a@b.co\"}) { id } }", Map.of()),
				"name");
		assertBadRequest(execute("mutation { createCustomer(input: {name: \"A\", email: \"a@b.co\", phone: \"call me\"}) { id } }",
				Map.of()), "phone");
		assertBadRequest(execute("mutation { createCustomer(input: {name: \"A\", email: \"a@b.co\", metadata: [1]}) { id } }",
				Map.of()), "metadata");
		assertBadRequest(execute("{ customer(id: \"42\") { id } }", Map.of()), "id");
	}

	private Map<String, Object> list(Map<String, Object> variables) {
		return execute(LIST, variables).path("customers").entity(MAP).get();
	}

	private GraphQlTester.Response execute(String document,
			Map<String, Object> variables) {
		return this.graphQl.document(document).variables(variables).execute();
	}

	private GraphQlTester.Response update(Object id, Map<String, Object> input,
			Integer expectedVersion) {
		Map<String, Object> variables = new HashMap<>(Map.of("id", id, "input", input));
		variables.put("expectedVersion", expectedVersion);
		return execute("mutation($id: ID!, $input: CustomerPatch!, $expectedVersion: Int) { updateCustomer(id: $id, "
				+ "input: $input, expectedVersion: $expectedVersion) { " + CUSTOMER_FIELDS + " } }", variables);
	}

	private GraphQlTester.Response delete(Object id, Integer expectedVersion) {
		Map<String, Object> variables = new HashMap<>(Map.of("id", id));
		variables.put("expectedVersion", expectedVersion);
		return execute("mutation($id: ID!, $expectedVersion: Int) { deleteCustomer(id: $id, "
				+ "expectedVersion: $expectedVersion) }", variables);
	}
}
