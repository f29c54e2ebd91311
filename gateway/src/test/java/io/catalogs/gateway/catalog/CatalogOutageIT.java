package io.catalogs.gateway.catalog;

import io.catalogs.gateway.embedded.EmbeddedStack;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secondary whose store goes down: its requests fail with {@code CATALOG_UNAVAILABLE}, health
 * shows it DOWN, the primary keeps serving, and it serves again once the store is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class CatalogOutageIT {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	WebTestClient webClient;

	@Test
	void aStoppedRedisMakesOnlyTheRedisCatalogUnavailable() {
		EmbeddedStack stack = EmbeddedStack.shared();
		stack.stopRedis();
		try {
			this.graphQl.document("{ customers(catalog: \"redis\", first: 1) { edges { node { id } } } }")
				.execute()
				.errors()
				.satisfy((errors) -> {
					assertThat(errors).hasSize(1);
					assertThat(errors.get(0).getExtensions()).containsEntry("classification", "CATALOG_UNAVAILABLE");
					assertThat(errors.get(0).getMessage()).contains("redis").doesNotContain("Exception");
				});
			this.graphQl.document("{ customers(first: 1) { edges { node { id } } } }")
				.execute()
				.errors().verify();
			Map<String, Object> health = health();
			assertThat(component(health, "redis")).containsEntry("status", "DOWN");
			assertThat(component(health, "postgres")).containsEntry("status", "UP");
			this.graphQl.document("{ catalogs { name healthy } }")
				.execute()
				.path("catalogs[?(@.name == 'redis')].healthy").entityList(Boolean.class).containsExactly(false);
		}
		finally {
			stack.startRedis();
		}
		// the client reconnects on its own; give it a bounded time to notice the server is back
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			this.graphQl.document("{ customers(catalog: \"redis\", first: 1) { edges { node { id } } } }")
				.execute()
				.errors().verify();
			assertThat(component(health(), "redis")).containsEntry("status", "UP");
		});
	}

	private Map<String, Object> health() {
		return this.webClient.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> component(Map<String, Object> health, String catalog) {
		Map<String, Object> components = (Map<String, Object>) health.get("components");
		Map<String, Object> catalogs = (Map<String, Object>) ((Map<String, Object>) components.get("catalogs"))
			.get("components");
		return (Map<String, Object>) catalogs.get(catalog);
	}
}
