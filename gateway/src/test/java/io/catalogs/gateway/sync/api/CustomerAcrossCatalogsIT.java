package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.embedded.EmbeddedStack;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CustomerAcrossCatalogsIT extends SyncApiTestSupport {

	private static final String QUERY = "query($id: ID!) { customerAcrossCatalogs(id: $id) { catalog version differsIn "
			+ "customer { id name email version catalog } } }";

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	CatalogRegistry registry;

	@Test
	void showsWhatACopyMadeDifferentOnPurposeDiffersIn() {
		Entity customer = everywhere();
		Catalog mongo = this.registry.find("mongo").orElseThrow();
		mongo.update(EntityTypes.CUSTOMER, customer.id(), Map.of(Customer.EMAIL, "changed." + token() + "@example.com"),
				null, Instant.now().plusSeconds(1)).block(TIMEOUT);

		List<Map<String, Object>> copies = copies(customer.id());
		assertThat(copies).extracting((copy) -> copy.get("catalog")).containsExactly("postgres", "mongo", "redis");
		assertThat(copies).extracting((copy) -> copy.get("differsIn"))
			.containsExactly(List.of(), List.of("email", "updatedAt", "version"), List.of());
		assertThat(copies).extracting((copy) -> copy.get("version")).containsExactly(1, 2, 1);
		assertThat(customerOf(copies.get(1))).containsEntry("catalog", "mongo")
			.containsEntry("id", customer.id().toString())
			.containsEntry("version", 2);
		assertThat((String) customerOf(copies.get(1)).get("email")).startsWith("changed.");
		assertThat(customerOf(copies.get(0))).containsEntry("email", customer.get(Customer.EMAIL));
	}

	@Test
	void aCatalogWithoutTheCustomerIsMissingAndOneThatIsDownIsUnavailable() {
		Entity customer = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), Instant.now(),
				Map.of(Customer.NAME, "Across " + token(), Customer.EMAIL, token() + "@example.com"));
		this.registry.primary(EntityTypes.CUSTOMER).create(customer).block(TIMEOUT);
		EmbeddedStack stack = EmbeddedStack.shared();
		stack.stopRedis();
		List<Map<String, Object>> copies;
		try {
			copies = copies(customer.id());
		}
		finally {
			stack.startRedis();
			// later tests find Redis serving again
			Catalog redis = this.registry.find("redis").orElseThrow();
			await().atMost(TIMEOUT).ignoreExceptions().until(() -> redis.ping().then(Mono.just(true)).block(TIMEOUT));
		}
		assertThat(copies).extracting((copy) -> copy.get("differsIn"))
			.containsExactly(List.of(), List.of("missing"), List.of("unavailable"));
		assertThat(copies.get(1)).containsEntry("customer", null).containsEntry("version", null);
		assertThat(copies.get(2)).containsEntry("customer", null).containsEntry("version", null);
	}

	@Test
	void refusesAnIdThatIsNoUuid() {
		this.graphQl.document(QUERY).variable("id", "nope").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("field", "id");
		});
	}

	/** A customer with identical copies in every catalog, written directly (as the pipeline would). */
	private Entity everywhere() {
		Entity customer = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), Instant.now(),
				Map.of(Customer.NAME, "Across " + token(), Customer.EMAIL, token() + "@example.com", Customer.METADATA,
						Map.of("tier", "gold", "seats", 3)));
		this.registry.primary(EntityTypes.CUSTOMER).create(customer).block(TIMEOUT);
		this.registry.secondaries(EntityTypes.CUSTOMER)
			.forEach((catalog) -> catalog.applyIfNewer(customer).block(TIMEOUT));
		assertThat(copies(customer.id())).allSatisfy((copy) -> assertThat(copy.get("differsIn")).isEqualTo(List.of()));
		return customer;
	}

	private List<Map<String, Object>> copies(UUID id) {
		return this.graphQl.document(QUERY)
			.variable("id", id.toString())
			.execute()
			.path("customerAcrossCatalogs")
			.entity(LIST)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> customerOf(Map<String, Object> copy) {
		return (Map<String, Object>) copy.get("customer");
	}
}
