package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.GatewayApplication;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances on one embedded stack (same control store, catalogs and Kafka broker): a
 * write through either is seen by {@code syncStatus} subscribers of the other.
 */
class TwoInstancesIT extends SyncApiTestSupport {

	private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);

	private static ConfigurableApplicationContext second;

	@Autowired
	CatalogRegistry registry;

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aWriteOnOneInstanceIsSeenBySubscribersOfTheOther() {
		ConfigurableApplicationContext other = secondInstance();
		int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
		assertThat(otherPort).isNotEqualTo(this.port);
		SyncStatusFeed otherFeed = other.getBean(SyncStatusFeed.class);
		otherFeed.ready().block(Duration.ofSeconds(60));

		// written through this instance, seen on the other
		WebSocketGraphQlClient otherClient = webSocketClient(otherPort);
		try (LiveSubscription<Map<String, Object>> live = LiveSubscription.open(syncStatus(otherClient),
				otherFeed::subscriptionsStarted)) {
			String id = (String) createCustomer(this.graphQl, token()).get("id");
			expectAppliedOnEverySecondary(live, id);
		}
		finally {
			otherClient.stop().block(TIMEOUT);
		}

		// and the other way round
		WebSocketGraphQlClient client = webSocketClient(this.port);
		try (LiveSubscription<Map<String, Object>> live = LiveSubscription.open(syncStatus(client),
				this.feed::subscriptionsStarted)) {
			HttpGraphQlTester otherTester = HttpGraphQlTester
				.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + otherPort + "/graphql").build());
			String id = (String) createCustomer(otherTester, token()).get("id");
			expectAppliedOnEverySecondary(live, id);
		}
		finally {
			client.stop().block(TIMEOUT);
		}
	}

	private void expectAppliedOnEverySecondary(LiveSubscription<Map<String, Object>> live, String id) {
		List<String> secondaries = this.registry.secondaries(EntityTypes.CUSTOMER)
			.stream()
			.map((catalog) -> catalog.definition().name())
			.toList();
		List<Map<String, Object>> received = live.awaitUntil((events) -> secondaries.stream()
			.allMatch((target) -> events.stream()
				.anyMatch((event) -> id.equals(event.get("entityId")) && target.equals(event.get("target"))
						&& "APPLIED".equals(event.get("state")))),
				PIPELINE_TIMEOUT);
		assertThat(received).filteredOn((event) -> id.equals(event.get("entityId")))
			.extracting((event) -> event.get("state"))
			.contains("PENDING", "APPLIED");
	}

	private static synchronized ConfigurableApplicationContext secondInstance() {
		if (second == null) {
			second = new SpringApplicationBuilder(GatewayApplication.class)
				.properties("server.port=0", "catalogs.embedded.seed=false")
				.run();
		}
		return second;
	}

	private static Flux<Map<String, Object>> syncStatus(GraphQlClient client) {
		return client.document(SYNC_STATUS).retrieveSubscription("syncStatus").toEntity(MAP);
	}
}
