package io.catalogs.gateway.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A catalog kind contributed only by the test classpath ({@link TestCatalogKindAutoConfiguration})
 * is configured beside the embedded default and served through GraphQL with no gateway change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "catalogs.embedded.enabled=true", "catalogs.embedded.seed=false",
				"catalogs.instances.scratch.kind=memory", "catalogs.instances.scratch.entity-types=customer",
				"catalogs.instances.scratch.capabilities=filter:customer.email:EQ" })
@AutoConfigureHttpGraphQlTester
class PluggableCatalogKindIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void listsTheTestKindBesideTheEmbeddedCatalogs() {
		List<Map<String, Object>> catalogs = this.graphQl
			.document("{ catalogs { name kind role entityTypes capabilities healthy } }")
			.execute()
			.path("catalogs")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		assertThat(catalogs).extracting((catalog) -> catalog.get("name"))
			.containsExactlyInAnyOrder("postgres", "mongo", "redis", "scratch");
		Map<String, Object> scratch = catalogs.stream().filter((c) -> c.get("name").equals("scratch")).findFirst()
			.orElseThrow();
		assertThat(scratch).containsEntry("kind", "memory")
			.containsEntry("role", "SECONDARY")
			.containsEntry("entityTypes", List.of("customer"))
			.containsEntry("capabilities", List.of("filter:customer.email:EQ"))
			.containsEntry("healthy", true);
	}

	@Test
	void writesAndReadsCustomersInTheTestKind() {
		String id = this.graphQl
			.document("mutation { createCustomer(catalog: \"scratch\", input: {name: \"Plug In\", "
					+ "email: \"plug@example.com\"}) { id catalog } }")
			.execute()
			.path("createCustomer.catalog").entity(String.class).isEqualTo("scratch")
			.path("createCustomer.id").entity(String.class).get();
		this.graphQl.document("{ customers(catalog: \"scratch\", filter: {email: \"plug@example.com\"}) "
				+ "{ edges { node { id name catalog } } } }")
			.execute()
			.path("customers.edges[*].node.id").entityList(String.class).containsExactly(id);
		// a write to a secondary fans out to the other catalogs, the primary included (docs/sync.md)
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> this.graphQl
			.document("{ customer(id: \"" + id + "\") { id catalog } }")
			.execute()
			.path("customer.catalog").entity(String.class).isEqualTo("postgres"));
	}

	@Test
	void refusesAFilterTheTestKindDoesNotDeclare() {
		this.graphQl.document("{ customers(catalog: \"scratch\", filter: {nameContains: \"x\"}) { edges { node { id } } } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST");
				assertThat(errors.get(0).getMessage()).contains("scratch").contains("filter:customer.name:CONTAINS");
			});
	}

	@Test
	void refusesInvoicesInACatalogThatHoldsNone() {
		this.graphQl.document("{ invoices(catalog: \"scratch\") { edges { node { id } } } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions())
				.containsEntry("classification", "UNKNOWN_CATALOG"));
	}
}
