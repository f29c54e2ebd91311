package io.catalogs.gateway.graphql;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one configuration every GraphQL {@code *IT} shares (so the embedded stack starts once per test
 * JVM), and helpers that create data isolated by random tokens in names and emails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
abstract class GraphQlTestSupport {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final String CUSTOMER_FIELDS = "id name email phone metadata version createdAt updatedAt catalog";

	static final String INVOICE_FIELDS = "id number customerId amount currency status issuedAt dueAt version createdAt updatedAt catalog";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	WebTestClient webClient;

	/** A random lower-case token that makes names and emails of one test unique. */
	static String token() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	Map<String, Object> createCustomer(String name, String email) {
		return createCustomer(Map.of("name", name, "email", email));
	}

	Map<String, Object> createCustomer(Map<String, Object> input) {
		return this.graphQl.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { "
				+ CUSTOMER_FIELDS + " } }")
			.variable("input", input)
			.execute()
			.path("createCustomer")
			.entity(MAP)
			.get();
	}

	Map<String, Object> createInvoice(Object customerId, String amount, Map<String, Object> more) {
		Map<String, Object> input = new HashMap<>(Map.of("customerId", customerId, "amount", new BigDecimal(amount),
				"currency", "EUR"));
		input.putAll(more);
		return this.graphQl.document("mutation($input: InvoiceInput!) { createInvoice(input: $input) { "
				+ INVOICE_FIELDS + " } }")
			.variable("input", input)
			.execute()
			.path("createInvoice")
			.entity(MAP)
			.get();
	}

	/** The single error of {@code response}, checked to have that classification. */
	static void assertError(GraphQlTester.Response response, String classification, Consumer<ResponseError> more) {
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			ResponseError error = errors.get(0);
			assertThat(error.getExtensions()).containsEntry("classification", classification);
			more.accept(error);
		});
	}

	/** Asserts a single {@code BAD_REQUEST} naming {@code field} in the message and {@code extensions.field}. */
	static void assertBadRequest(GraphQlTester.Response response, String field) {
		assertError(response, "BAD_REQUEST", (error) -> {
			assertThat(error.getMessage()).contains(field);
			assertThat(error.getExtensions()).containsEntry("field", field);
		});
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> nodes(Map<String, Object> connection) {
		return ((List<Map<String, Object>>) connection.get("edges")).stream()
			.map((edge) -> (Map<String, Object>) edge.get("node"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> pageInfo(Map<String, Object> connection) {
		return (Map<String, Object>) connection.get("pageInfo");
	}

	static List<Object> values(List<Map<String, Object>> nodes, String field) {
		return nodes.stream().map((node) -> node.get(field)).toList();
	}
}
