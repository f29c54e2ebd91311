package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.sync.ChangeEventCodec;
import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerChangedIT extends SyncApiTestSupport {

	private static final String CUSTOMER_CHANGED = "subscription($catalog: String) { customerChanged(catalog: $catalog) "
			+ "{ id operation version origin customer { id name email version catalog } } }";

	@Autowired
	CatalogRegistry registry;

	@Test
	void reportsAChangeAtItsSourceWhenPublishedAndAtATargetWhenApplied() {
		Instant now = Instant.now();
		Entity customer = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), now,
				Map.of(Customer.NAME, "Change " + token(), Customer.EMAIL, token() + "@example.com"));
		// the copies the pipeline would have written, written directly so only the test's records report them
		this.registry.primary(EntityTypes.CUSTOMER).create(customer).block(TIMEOUT);
		mongo().applyIfNewer(customer).block(TIMEOUT);
		String id = customer.id().toString();
		WebSocketGraphQlClient client = webSocketClient(this.port);
		try (LiveSubscription<Map<String, Object>> all = LiveSubscription.open(customerChanged(client, null),
				this.feed::subscriptionsStarted);
				LiveSubscription<Map<String, Object>> onMongo = LiveSubscription
					.open(customerChanged(httpClient(this.port), "mongo"), this.feed::subscriptionsStarted)) {
			// targets no catalog: the pipeline's consumers leave it alone
			publish(this.sync.topics().changes(), id, ChangeEventCodec.create()
				.write(new ChangeEvent(UUID.randomUUID(), ChangeOperation.CREATE, "postgres", null, List.of("nowhere"),
						now, customer)));
			publishStatus(List.of(status(customer, "mongo", SyncState.PENDING),
					status(customer, "redis", SyncState.SKIPPED_STALE), status(customer, "mongo", SyncState.APPLIED),
					invoiceApplied()));

			List<Map<String, Object>> changes = all.awaitUntil((received) -> ofEntity(received, id).size() >= 2, TIMEOUT);
			assertThat(ofEntity(changes, id)).extracting((change) -> catalogOf(change))
				.containsExactlyInAnyOrder("postgres", "mongo");
			assertThat(ofEntity(changes, id)).allSatisfy((change) -> {
				assertThat(change).containsEntry("operation", "CREATE")
					.containsEntry("version", 1)
					.containsEntry("origin", "postgres");
				assertThat(customerOf(change)).containsEntry("id", id).containsEntry("name", customer.get(Customer.NAME));
			});
			List<Map<String, Object>> mongoChanges = onMongo.awaitUntil((received) -> !received.isEmpty(), TIMEOUT);
			assertThat(mongoChanges).hasSize(1);
			assertThat(catalogOf(mongoChanges.get(0))).isEqualTo("mongo");
		}
		finally {
			client.stop().block(TIMEOUT);
		}
	}

	@Test
	void aDeleteHasNoCustomer() {
		Instant now = Instant.now();
		Entity customer = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), now,
				Map.of(Customer.NAME, "Gone", Customer.EMAIL, token() + "@example.com"));
		try (LiveSubscription<Map<String, Object>> live = LiveSubscription
			.open(customerChanged(httpClient(this.port), "postgres"), this.feed::subscriptionsStarted)) {
			publish(this.sync.topics().changes(), customer.id().toString(), ChangeEventCodec.create()
				.write(new ChangeEvent(UUID.randomUUID(), ChangeOperation.DELETE, "postgres", "stripe",
						List.of("nowhere"), now, customer.toTombstone(now))));
			Map<String, Object> change = ofEntity(live.awaitUntil(
					(received) -> !ofEntity(received, customer.id().toString()).isEmpty(), TIMEOUT),
					customer.id().toString())
				.get(0);
			assertThat(change).containsEntry("operation", "DELETE")
				.containsEntry("version", 2)
				.containsEntry("origin", "stripe")
				.containsEntry("customer", null);
		}
	}

	@Test
	void aCreatedCustomerIsReportedByEveryCatalog() {
		List<String> catalogs = this.registry.all()
			.stream()
			.filter((catalog) -> catalog.definition().holds(EntityTypes.CUSTOMER))
			.map((catalog) -> catalog.definition().name())
			.toList();
		WebSocketGraphQlClient client = webSocketClient(this.port);
		try (LiveSubscription<Map<String, Object>> live = LiveSubscription.open(customerChanged(client, null),
				this.feed::subscriptionsStarted)) {
			String token = token();
			String id = (String) createCustomer(this.graphQl, token).get("id");
			List<Map<String, Object>> changes = ofEntity(live.awaitUntil(
					(received) -> ofEntity(received, id).size() >= catalogs.size(), Duration.ofSeconds(60)), id);
			assertThat(changes).extracting((change) -> catalogOf(change)).containsExactlyInAnyOrderElementsOf(catalogs);
			assertThat(changes).allSatisfy((change) -> {
				assertThat(change).containsEntry("operation", "CREATE").containsEntry("origin", "postgres");
				assertThat(customerOf(change)).containsEntry("name", "Sync " + token).containsEntry("version", 1);
			});
		}
		finally {
			client.stop().block(TIMEOUT);
		}
	}

	@Test
	void refusesACatalogWithoutCustomers() {
		assertThat(refusal(httpClient(this.port), CUSTOMER_CHANGED, Map.of("catalog", "nope")))
			.singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "UNKNOWN_CATALOG"));
	}

	private Catalog mongo() {
		return this.registry.find("mongo").orElseThrow();
	}

	private static SyncEventRecord status(Entity customer, String target, SyncState state) {
		Instant now = Instant.now();
		return new SyncEventRecord(UUID.randomUUID(), UUID.randomUUID(), "customer", customer.id(), "CREATE",
				customer.version(), "postgres", target, null, state, 1, null, now, now, now);
	}

	private static SyncEventRecord invoiceApplied() {
		Instant now = Instant.now();
		return new SyncEventRecord(UUID.randomUUID(), UUID.randomUUID(), "invoice", UUID.randomUUID(), "CREATE", 1,
				"postgres", "mongo", null, SyncState.APPLIED, 1, null, now, now, now);
	}

	private static Flux<Map<String, Object>> customerChanged(GraphQlClient client, String catalog) {
		return client.document(CUSTOMER_CHANGED)
			.variable("catalog", catalog)
			.retrieveSubscription("customerChanged")
			.toEntity(MAP);
	}

	private static List<Map<String, Object>> ofEntity(List<Map<String, Object>> changes, String id) {
		return changes.stream().filter((change) -> id.equals(change.get("id"))).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> customerOf(Map<String, Object> change) {
		return (Map<String, Object>) change.get("customer");
	}

	private static Object catalogOf(Map<String, Object> change) {
		return customerOf(change).get("catalog");
	}
}
