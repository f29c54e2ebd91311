package io.catalogs.gateway.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same GraphQL requests against each embedded catalog give the same answers: what is created in
 * a catalog reads back there with the same fields, filters and paging in both directions.
 */
class CatalogParityIT extends GraphQlTestSupport {

	private static final String CREATE = "mutation($input: CustomerInput!, $catalog: String) { "
			+ "createCustomer(input: $input, catalog: $catalog) { " + CUSTOMER_FIELDS + " } }";

	private static final String LIST = "query($catalog: String, $filter: CustomerFilter, $first: Int, $after: String, "
			+ "$last: Int, $before: String) { customers(catalog: $catalog, filter: $filter, first: $first, "
			+ "after: $after, last: $last, before: $before) { edges { cursor node { " + CUSTOMER_FIELDS
			+ " } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }";

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "mongo", "redis" })
	void createsReadsFiltersAndPagesTheSameWayInEveryCatalog(String catalog) throws InterruptedException {
		Instant start = Instant.now().minusMillis(1);
		String token = token();
		List<Map<String, Object>> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(this.graphQl.document(CREATE)
				.variable("catalog", catalog)
				.variable("input", Map.of("name", "Parity " + i + " " + token, "email", "p" + i + "." + token + "@example.com",
						"phone", "+1 555 010" + i, "metadata", Map.of("n", i, "nested", Map.of("ok", true))))
				.execute()
				.path("createCustomer")
				.entity(MAP)
				.get());
			Thread.sleep(2); // distinct createdAt values, so the default order is the creation order
		}
		assertThat(created).allSatisfy((customer) -> assertThat(customer).containsEntry("catalog", catalog)
			.containsEntry("version", 1));

		Map<String, Object> first = created.get(0);
		Map<String, Object> read = this.graphQl.document("query($id: ID!, $catalog: String) { customer(id: $id, catalog: $catalog) { "
				+ CUSTOMER_FIELDS + " } }")
			.variable("id", first.get("id"))
			.variable("catalog", catalog)
			.execute()
			.path("customer")
			.entity(MAP)
			.get();
		assertThat(read).isEqualTo(first);

		assertThat(nodes(list(catalog, Map.of("email", "p3." + token + "@example.com"), Map.of("first", 10))))
			.containsExactly(created.get(3));

		// only this test's customers were updated after `start` in this catalog
		Map<String, Object> mine = Map.of("updatedAfter", start.toString());
		List<Object> forward = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> window = new HashMap<>(Map.of("first", 2));
			if (after != null) {
				window.put("after", after);
			}
			Map<String, Object> page = list(catalog, mine, window);
			forward.addAll(values(nodes(page), "id"));
			after = Boolean.TRUE.equals(pageInfo(page).get("hasNextPage")) ? (String) pageInfo(page).get("endCursor") : null;
		}
		while (after != null);
		assertThat(forward).containsExactlyElementsOf(values(created, "id"));

		List<Object> backward = new ArrayList<>();
		String before = null;
		do {
			Map<String, Object> window = new HashMap<>(Map.of("last", 2));
			if (before != null) {
				window.put("before", before);
			}
			Map<String, Object> page = list(catalog, mine, window);
			backward.addAll(0, values(nodes(page), "id"));
			before = Boolean.TRUE.equals(pageInfo(page).get("hasPreviousPage"))
					? (String) pageInfo(page).get("startCursor") : null;
		}
		while (before != null);
		assertThat(backward).containsExactlyElementsOf(values(created, "id"));
	}

	private Map<String, Object> list(String catalog, Map<String, Object> filter, Map<String, Object> window) {
		var request = this.graphQl.document(LIST).variable("catalog", catalog).variable("filter", filter);
		for (Map.Entry<String, Object> entry : window.entrySet()) {
			request = request.variable(entry.getKey(), entry.getValue());
		}
		return request.execute().path("customers").entity(MAP).get();
	}
}
