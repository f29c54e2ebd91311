package io.catalogs.gateway.sync;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.SyncState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code syncCustomer} and {@code syncInvoice}: copies between catalogs, tracked as sync events. */
class SyncMutationIT extends SyncTestSupport {

	private static final String SYNC_CUSTOMER = "mutation($id: ID!, $from: String, $to: [String!]) { "
			+ "syncCustomer(id: $id, from: $from, to: $to) { id entityId source targets events { id entityType entityId "
			+ "operation version source target state attempts } } }";

	@Test
	void syncCustomerCopiesFromMongoToRedisAndTracksTheEvent() {
		Entity customer = onlyIn("mongo");
		Map<String, Object> request = this.graphQl.document(SYNC_CUSTOMER)
			.variable("id", customer.id().toString())
			.variable("from", "mongo")
			.variable("to", List.of("redis"))
			.execute()
			.path("syncCustomer")
			.entity(MAP)
			.get();
		assertThat(request).containsEntry("entityId", customer.id().toString())
			.containsEntry("source", "mongo")
			.containsEntry("targets", List.of("redis"));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> events = (List<Map<String, Object>>) request.get("events");
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("target", "redis")
				.containsEntry("source", "mongo")
				.containsEntry("operation", "SYNC")
				.containsEntry("state", "PENDING")
				.containsEntry("entityType", "customer")
				.containsEntry("version", 1)
				.containsEntry("attempts", 0));

		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(read("redis", EntityTypes.CUSTOMER, customer.id()))
			.isEqualTo(customer));
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(syncEvents(customer.id())).singleElement()
			.satisfies((event) -> {
				assertThat(event.id().toString()).isEqualTo(events.get(0).get("id"));
				assertThat(event.eventId().toString()).isEqualTo(request.get("id"));
				assertThat(event.state()).isEqualTo(SyncState.APPLIED);
			}));
		assertThat(read("postgres", EntityTypes.CUSTOMER, customer.id())).as("not a target").isNull();
		assertThat(read("flaky", EntityTypes.CUSTOMER, customer.id())).as("not a target").isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void syncCustomerDefaultsToThePrimaryAndEveryOtherCatalog() {
		Entity customer = onlyIn("postgres");
		Map<String, Object> request = this.graphQl.document(SYNC_CUSTOMER)
			.variable("id", customer.id().toString())
			.execute()
			.path("syncCustomer")
			.entity(MAP)
			.get();
		assertThat(request).containsEntry("source", "postgres");
		assertThat((List<Object>) request.get("targets")).containsExactlyInAnyOrder("mongo", "redis", "flaky");
		awaitEverywhere(EntityTypes.CUSTOMER, customer.id(), 1L);
	}

	@Test
	void syncInvoiceCopiesAnInvoice() {
		Entity customer = onlyIn("postgres");
		Instant now = Instant.now();
		Entity invoice = Entity.create(EntityTypes.INVOICE, UUID.randomUUID(), now,
				Map.of(Invoice.CUSTOMER_ID, customer.id(), Invoice.NUMBER, "INV-" + token(), Invoice.AMOUNT,
						new BigDecimal("120.50"), Invoice.CURRENCY, "EUR", Invoice.STATUS, "OPEN"));
		catalog("postgres").create(invoice).block(Duration.ofSeconds(10));
		this.graphQl.document("mutation($id: ID!) { syncInvoice(id: $id, to: [\"mongo\"]) { targets events { state } } }")
			.variable("id", invoice.id().toString())
			.execute()
			.path("syncInvoice.targets")
			.entityList(String.class)
			.containsExactly("mongo");
		await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(read("mongo", EntityTypes.INVOICE, invoice.id()))
			.isEqualTo(invoice));
	}

	@Test
	void refusesUnknownCatalogsMissingEntitiesAndCopiesToTheSource() {
		Entity customer = onlyIn("mongo");
		String id = customer.id().toString();
		assertClassification(sync(id, "nowhere", null), "UNKNOWN_CATALOG");
		assertClassification(sync(id, "mongo", List.of("redis", "nowhere")), "UNKNOWN_CATALOG");
		assertClassification(sync(UUID.randomUUID().toString(), null, null), "NOT_FOUND");
		assertClassification(sync(id, null, null), "NOT_FOUND");
		assertClassification(sync(id, "mongo", List.of("mongo")), "BAD_REQUEST");
		assertThat(syncEvents(customer.id())).isEmpty();
	}

	private GraphQlTester.Response sync(String id, String from, List<String> to) {
		return this.graphQl.document(SYNC_CUSTOMER).variable("id", id).variable("from", from).variable("to", to).execute();
	}

	private static void assertClassification(GraphQlTester.Response response, String classification) {
		response.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", classification)));
	}

	/** A customer written straight into one catalog, bypassing the gateway (so nothing syncs it). */
	private Entity onlyIn(String catalog) {
		String token = token();
		Entity customer = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), Instant.now(),
				Map.of(Customer.NAME, "Only " + token, Customer.EMAIL, token + "@example.com"));
		return catalog(catalog).create(customer).block(Duration.ofSeconds(10));
	}
}
