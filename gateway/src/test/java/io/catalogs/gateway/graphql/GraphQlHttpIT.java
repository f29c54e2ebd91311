package io.catalogs.gateway.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GraphQlHttpIT extends GraphQlTestSupport {

	@Test
	void aBodyThatIsNotJsonIsAClientError() {
		this.webClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{ this is not json")
			.exchange().expectStatus().is4xxClientError()
			.expectBody(String.class).value((body) -> assertThat(body).doesNotContain("Exception").doesNotContain("\tat "));
		this.webClient.post().uri("/graphql").contentType(MediaType.TEXT_PLAIN).bodyValue("{ customers { edges { cursor } } }")
			.exchange().expectStatus().is4xxClientError();
		this.webClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("[1, 2]")
			.exchange().expectStatus().is4xxClientError();
	}

	@Test
	void aRequestWithoutQueryIsAClientError() {
		for (String body : List.of("{}", "{\"query\": null}", "{\"variables\": {}}", "")) {
			this.webClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
				.exchange().expectStatus().is4xxClientError();
		}
	}

	@Test
	void aBlankQueryIsAClientErrorForGraphQlResponseClients() {
		// a blank document is a syntax error; GraphQL over HTTP answers those with 400 for clients that accept
		// application/graphql-response+json, and with 200 plus the error for application/json ones
		this.webClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.parseMediaType("application/graphql-response+json"))
			.bodyValue("{\"query\": \"\"}")
			.exchange().expectStatus().is4xxClientError();
	}

	@Test
	void errorResponsesCarryNoStackTracesOrClassNames() {
		List<String> documents = List.of("{ customers(catalog: \"nowhere\") { edges { cursor } } }",
				"{ customers(first: 1, after: \"garbage\") { edges { cursor } } }",
				"{ customer(id: \"42\") { id } }",
				"mutation { updateCustomer(id: \"" + UUID.randomUUID() + "\", input: {name: \"X\"}) { id } }",
				"mutation { createCustomer(input: {name: \"X\", email: \"x\"}) { id } }",
				"{ customers(first: 1) { edges { node { nope } } } }",
				"{ customers(first: \"x\") { edges { cursor } } }");
		for (String document : documents) {
			String body = this.webClient.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", document))
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).as(document).contains("\"errors\"")
				.doesNotContain("Exception")
				.doesNotContain("\tat ")
				.doesNotContain("io.catalogs")
				.doesNotContain("java.")
				.doesNotContain("org.springframework")
				.doesNotContain("graphql.");
		}
	}

	@Test
	void servesGraphiQl() {
		HttpStatus status = HttpStatus.valueOf(this.webClient.get().uri("/graphiql").exchange()
			.returnResult(String.class).getStatus().value());
		assertThat(status.is2xxSuccessful() || status.is3xxRedirection()).as(status.toString()).isTrue();
		this.webClient.get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk()
			.expectBody(String.class).value((page) -> assertThat(page).containsIgnoringCase("graphiql"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsEveryCatalogWithHealth() {
		List<Map<String, Object>> catalogs = catalogs();
		assertThat(catalogs).extracting((catalog) -> catalog.get("name")).contains("postgres");
		Map<String, Object> postgres = catalogs.stream().filter((catalog) -> catalog.get("name").equals("postgres"))
			.findFirst().orElseThrow();
		assertThat(postgres).containsEntry("kind", "postgres")
			.containsEntry("role", "PRIMARY")
			.containsEntry("healthy", true);
		assertThat((List<Object>) postgres.get("entityTypes")).contains("customer", "invoice");
		assertThat((List<Object>) postgres.get("capabilities")).contains("filter:customer.email:EQ", "paging:backward");
		assertThat(catalogs).allSatisfy((catalog) -> assertThat(catalog.get("role")).isIn("PRIMARY", "SECONDARY"));
	}

	@Test
	void aRequestACatalogCannotServeIsABadRequestNamingTheCapability() {
		Optional<Map<String, Object>> limited = catalogs().stream()
			.filter((catalog) -> ((List<?>) catalog.get("entityTypes")).contains("customer"))
			.filter((catalog) -> !((List<?>) catalog.get("capabilities")).contains("sort:customer.email"))
			.findFirst();
		assumeTrue(limited.isPresent(), "every catalog can sort customers by email");
		String name = (String) limited.get().get("name");
		assertError(this.graphQl.document("query($catalog: String) { customers(catalog: $catalog, orderBy: {field: EMAIL}) "
				+ "{ edges { cursor } } }").variable("catalog", name).execute(), "BAD_REQUEST", (error) -> {
					assertThat(error.getMessage()).contains(name).contains("sort:customer.email");
					assertThat(error.getExtensions()).containsEntry("catalog", name)
						.containsEntry("capability", "sort:customer.email");
				});
	}

	private List<Map<String, Object>> catalogs() {
		return this.graphQl.document("{ catalogs { name kind role entityTypes capabilities healthy } }")
			.execute()
			.path("catalogs")
			.entityList(MAP)
			.get();
	}
}
