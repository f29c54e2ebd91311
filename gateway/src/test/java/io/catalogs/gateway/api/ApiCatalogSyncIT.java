package io.catalogs.gateway.api;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API-backed catalogs as sync secondaries, end to end: a customer created on the primary
 * (embedded PostgreSQL) reaches a Stripe-, HubSpot-, Salesforce- and QuickBooks-compatible server
 * through the outbox, Kafka and the per-catalog consumers, its sync events end APPLIED, and the
 * customer reads back from each API catalog by email through the field mapping.
 *
 * <p>Needs catalog-api (and its test jar, for the fake vendor servers) on the gateway's test classpath.
 */
class ApiCatalogSyncIT extends ApiCatalogsITSupport {

	/** The links in the control store. */
	@Autowired
	ControlStore store;

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CatalogRegistry registry;

	@ParameterizedTest
	@ValueSource(strings = { "stripe", "hubspot", "salesforce", "quickbooks" })
	void aCustomerCreatedOnThePrimaryReachesTheVendorAndReadsBackByEmail(String catalog) {
		String token = "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String email = token + "@example.com";
		Map<String, Object> created = this.graphQl
			.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { id version } }")
			.variable("input", Map.of("name", "Ada " + token, "email", email, "phone", "+1 555 0101"))
			.execute().path("createCustomer").entity(MAP).get();
		UUID id = UUID.fromString((String) created.get("id"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(syncStates(id, catalog)).contains("APPLIED"));
		assertThat(vendorEmails(catalog)).contains(email);

		List<Map<String, Object>> found = this.graphQl
			.document("query($catalog: String, $email: String) { customers(catalog: $catalog, filter: {email: $email}) "
					+ "{ edges { node { id name email phone version catalog } } } }")
			.variable("catalog", catalog).variable("email", email)
			.execute().path("customers.edges[*].node").entityList(MAP).get();
		assertThat(found).singleElement().satisfies((node) -> assertThat(node).containsEntry("id", id.toString())
			.containsEntry("name", "Ada " + token).containsEntry("email", email).containsEntry("phone", "+1 555 0101")
			.containsEntry("version", 1).containsEntry("catalog", catalog));
		assertThat(this.registry.find(catalog).orElseThrow().get(EntityTypes.CUSTOMER, id).block(Duration.ofSeconds(10)))
			.isNotNull();
		assertThat(this.store.client().sql("SELECT remote_id FROM " + this.store.table("api_links")
				+ " WHERE catalog = :catalog AND entity_id = :id").bind("catalog", catalog).bind("id", id)
			.map((row) -> row.get("remote_id", String.class)).one().block(Duration.ofSeconds(10))).isNotBlank();

		this.graphQl.document("mutation($id: ID!) { deleteCustomer(id: $id) }").variable("id", id.toString()).execute();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(vendorEmails(catalog)).doesNotContain(email));
		// the vendor object goes first, the link's tombstone right after it
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.store.client()
			.sql("SELECT deleted_version FROM " + this.store.table("api_links")
					+ " WHERE catalog = :catalog AND entity_id = :id")
			.bind("catalog", catalog).bind("id", id)
			.map((row) -> Optional.ofNullable(row.get("deleted_version", Long.class)))
			.one()
			.block(Duration.ofSeconds(10))).contains(2L));
	}

	private List<String> syncStates(UUID id, String target) {
		return this.graphQl.document("query($id: ID) { syncEvents(entityId: $id) { edges { node { target state } } } }")
			.variable("id", id.toString()).execute().path("syncEvents.edges[*].node").entityList(MAP).get().stream()
			.filter((node) -> target.equals(node.get("target"))).map((node) -> (String) node.get("state")).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> vendorEmails(String catalog) {
		return switch (catalog) {
			case "stripe" -> FakeServers.stripeVendor().customers().stream().map((c) -> c.get("email")).toList();
			case "hubspot" -> FakeServers.hubspotVendor().contacts().stream()
				.map((c) -> ((Map<String, Object>) c.get("properties")).get("email")).toList();
			case "salesforce" -> FakeServers.salesforceVendor().records("Contact").stream().map((c) -> c.get("Email")).toList();
			// QuickBooks cannot delete customers: deleted ones are inactive
			default -> FakeServers.quickbooksVendor().entities("Customer").stream()
				.filter((c) -> !Boolean.FALSE.equals(c.get("Active")))
				.map((c) -> ((Map<String, Object>) c.get("PrimaryEmailAddr")).get("Address")).toList();
		};
	}
}
