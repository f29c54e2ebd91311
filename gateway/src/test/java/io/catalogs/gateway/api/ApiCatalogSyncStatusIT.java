package io.catalogs.gateway.api;

import io.catalogs.gateway.sync.api.SyncStatusFeed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API-backed catalogs as sync secondaries, watched the way a frontend watches them: a client
 * subscribed to {@code syncStatus} over graphql-transport-ws sees a customer created on the
 * primary go PENDING then APPLIED for Stripe, HubSpot, Salesforce and QuickBooks.
 */
class ApiCatalogSyncStatusIT extends ApiCatalogsITSupport {

	private static final List<String> VENDORS = List.of("stripe", "hubspot", "salesforce", "quickbooks");

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	SyncStatusFeed feed;

	@Test
	void aSubscriberSeesTheCustomerAppliedOnEveryVendor() {
		this.feed.ready().block(Duration.ofSeconds(60));
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder("ws://localhost:" + this.port + "/graphql", new ReactorNettyWebSocketClient())
			.build();
		List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
		long started = this.feed.subscriptionsStarted();
		Disposable subscription = client
			.document("subscription { syncStatus { entityId target state } }")
			.retrieveSubscription("syncStatus")
			.toEntity(MAP)
			.subscribe(received::add);
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> this.feed.subscriptionsStarted() > started);
			String token = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			String id = (String) this.graphQl
				.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }")
				.variable("input", Map.of("name", "Grace " + token, "email", token + "@example.com"))
				.execute().path("createCustomer").entity(MAP).get().get("id");

			await().atMost(Duration.ofSeconds(60))
				.until(() -> VENDORS.stream().allMatch((vendor) -> states(received, id, vendor).contains("APPLIED")));
			for (String vendor : VENDORS) {
				assertThat(states(received, id, vendor)).as(vendor).containsExactly("PENDING", "APPLIED");
			}
		}
		finally {
			subscription.dispose();
			client.stop().block(Duration.ofSeconds(10));
		}
	}

	private static List<Object> states(List<Map<String, Object>> events, String entityId, String target) {
		return events.stream()
			.filter((event) -> entityId.equals(event.get("entityId")) && target.equals(event.get("target")))
			.map((event) -> event.get("state"))
			.toList();
	}
}
