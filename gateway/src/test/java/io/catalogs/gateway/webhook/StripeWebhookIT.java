package io.catalogs.gateway.webhook;

import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.gateway.api.ApiCatalogsITSupport;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stripe webhooks end to end, in the API-catalog test context: a signed {@code customer.*} event
 * becomes a write to the primary with origin {@code stripe} that reaches every other catalog and
 * never Stripe; duplicates and older events change nothing; forged, stale and malformed requests
 * are 400 and change nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripeWebhookIT extends ApiCatalogsITSupport {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	CatalogRegistry registry;

	@Autowired
	ControlStore store;

	@Test
	void aNewStripeCustomerIsCreatedOnThePrimaryAndReachesEveryOtherCatalogButStripe() throws Exception {
		String token = token();
		String remoteId = "cus_wh" + token;
		String email = token + "@example.com";
		int before = FakeServers.stripe().received().size();

		HttpResponse<String> response = send(signed(event("evt_" + token, "customer.created", 1000, remoteId,
				"Grace " + token, email), WEBHOOK_SECRET, Instant.now()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("CREATED");
		UUID id = entityOf(remoteId);
		Entity primary = customer("postgres", id);
		assertThat(primary.version()).isEqualTo(1);
		assertThat(primary.attributes()).containsEntry("name", "Grace " + token).containsEntry("email", email);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(appliedTargets(id))
			.containsExactlyInAnyOrder("mongo", "redis", "hubspot", "salesforce", "quickbooks"));
		for (String catalog : List.of("mongo", "redis", "hubspot")) {
			assertThat(customer(catalog, id).attributes()).containsEntry("name", "Grace " + token);
		}
		assertThat(targets(id)).doesNotContain("stripe");
		assertThat(origins(id)).containsOnly("stripe");
		List<FakeExchange> received = FakeServers.stripe().received();
		assertThat(received.subList(before, received.size())).noneMatch((exchange) -> exchange.path().contains(remoteId)
				|| (exchange.body() != null && exchange.body().contains(URLEncoder.encode(email, StandardCharsets.UTF_8))));
	}

	@Test
	void theSameEventDeliveredThreeTimesIsAppliedOnce() throws Exception {
		String token = token();
		String remoteId = "cus_wh" + token;
		String email = token + "@example.com";
		send(signed(event("evt_c" + token, "customer.created", 1000, remoteId, "Ada", email), WEBHOOK_SECRET, Instant.now()));
		UUID id = entityOf(remoteId);
		String update = event("evt_u" + token, "customer.updated", 1010, remoteId, "Ada Lovelace", email);

		List<String> outcomes = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			// the old secret still signs while it is listed (rotation)
			HttpResponse<String> response = send(signed(update, (i == 1) ? OLD_WEBHOOK_SECRET : WEBHOOK_SECRET, Instant.now()));
			assertThat(response.statusCode()).isEqualTo(200);
			outcomes.add(response.body());
		}

		assertThat(outcomes.get(0)).contains("UPDATED");
		assertThat(outcomes.subList(1, 3)).allSatisfy((body) -> assertThat(body).contains("DUPLICATE"));
		Entity primary = customer("postgres", id);
		assertThat(primary.version()).isEqualTo(2);
		assertThat(primary.attributes()).containsEntry("name", "Ada Lovelace");
		assertThat(countEvents(id)).isEqualTo(2);
	}

	@Test
	void anOlderEventDeliveredLateChangesNothing() throws Exception {
		String token = token();
		String remoteId = "cus_wh" + token;
		String email = token + "@example.com";
		send(signed(event("evt_c" + token, "customer.created", 1000, remoteId, "First", email), WEBHOOK_SECRET, Instant.now()));
		UUID id = entityOf(remoteId);

		HttpResponse<String> newer = send(signed(event("evt_n" + token, "customer.updated", 1020, remoteId, "Newest", email),
				WEBHOOK_SECRET, Instant.now()));
		HttpResponse<String> older = send(signed(event("evt_o" + token, "customer.updated", 1010, remoteId, "Older", email),
				WEBHOOK_SECRET, Instant.now()));

		assertThat(newer.body()).contains("UPDATED");
		assertThat(older.statusCode()).isEqualTo(200);
		assertThat(older.body()).contains("OUT_OF_ORDER");
		Entity primary = customer("postgres", id);
		assertThat(primary.attributes()).containsEntry("name", "Newest");
		assertThat(primary.version()).isEqualTo(2);
	}

	@Test
	void aWebhookFoundByEmailUpdatesTheExistingCustomer() throws Exception {
		String token = token();
		String email = token + "@example.com";
		send(signed(event("evt_a" + token, "customer.created", 1000, "cus_wa" + token, "Ada", email), WEBHOOK_SECRET,
				Instant.now()));
		UUID id = entityOf("cus_wa" + token);
		// another Stripe object with the same email: linked to the same customer, not a second one
		HttpResponse<String> response = send(signed(event("evt_b" + token, "customer.updated", 1005, "cus_wb" + token,
				"Ada B", email), WEBHOOK_SECRET, Instant.now()));

		assertThat(response.body()).contains("UPDATED");
		assertThat(entityOf("cus_wb" + token)).isEqualTo(id);
		assertThat(customer("postgres", id).attributes()).containsEntry("name", "Ada B");
	}

	@Test
	void forgedStaleAndMalformedRequestsAreRejectedWithoutEffect(CapturedOutput output) throws Exception {
		String token = token();
		String remoteId = "cus_wh" + token;
		String email = token + "@example.com";
		String body = event("evt_f" + token, "customer.created", 1000, remoteId, "Mallory", email);
		String valid = StripeSignatureVerifier.header(WEBHOOK_SECRET, Instant.now(), bytes(body));

		List<HttpRequest> bad = List.of(signed(body, "whsec_forged", Instant.now()),
				signed(body, WEBHOOK_SECRET, Instant.now().minusSeconds(301)),
				signed(body, WEBHOOK_SECRET, Instant.now().plusSeconds(3600)),
				request(body.replace("Mallory", "Eve"), valid),
				request(body, "v1=deadbeef"),
				request(body, null),
				signed("{not json", WEBHOOK_SECRET, Instant.now()),
				signed("{\"type\":\"customer.created\"}", WEBHOOK_SECRET, Instant.now()));
		for (HttpRequest request : bad) {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).doesNotContain(WEBHOOK_SECRET);
		}
		assertThat(this.store.client().sql("SELECT count(*) AS n FROM " + this.store.table("webhook_events")
				+ " WHERE event_id = :id").bind("id", "evt_f" + token).map((row) -> row.get("n", Long.class)).one()
			.block(WAIT)).isZero();
		assertThat(linked(remoteId)).isEmpty();
		assertThat(output.getAll()).contains("rejected").doesNotContain(WEBHOOK_SECRET).doesNotContain(OLD_WEBHOOK_SECRET);

		HttpResponse<String> unknown = this.http.send(HttpRequest.newBuilder(uri("mongo"))
			.POST(HttpRequest.BodyPublishers.ofString(body)).header("Stripe-Signature", valid).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest signed(String body, String secret, Instant at) {
		return request(body, StripeSignatureVerifier.header(secret, at, bytes(body)));
	}

	private HttpRequest request(String body, String signature) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri("stripe"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
		return (signature != null) ? builder.header("Stripe-Signature", signature).build() : builder.build();
	}

	private URI uri(String catalog) {
		return URI.create("http://localhost:" + this.port + "/webhooks/" + catalog);
	}

	private static String event(String id, String type, long created, String remoteId, String name, String email) {
		return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"created\":" + created
				+ ",\"livemode\":false,\"data\":{\"object\":{\"id\":\"" + remoteId + "\",\"object\":\"customer\",\"name\":\""
				+ name + "\",\"email\":\"" + email + "\",\"phone\":null,\"metadata\":{}}}}";
	}

	private Entity customer(String catalog, UUID id) {
		return this.registry.find(catalog).orElseThrow().get(EntityTypes.CUSTOMER, id).block(WAIT);
	}

	private UUID entityOf(String remoteId) {
		return linked(remoteId).orElseThrow();
	}

	private java.util.Optional<UUID> linked(String remoteId) {
		return this.store.client().sql("SELECT entity_id FROM " + this.store.table("api_links")
				+ " WHERE catalog = 'stripe' AND remote_id = :remote").bind("remote", remoteId)
			.map((row) -> row.get("entity_id", UUID.class)).one().blockOptional(WAIT);
	}

	private List<String> appliedTargets(UUID id) {
		return column("target", id, " AND state = 'APPLIED'");
	}

	private List<String> targets(UUID id) {
		return column("target", id, "");
	}

	private List<String> origins(UUID id) {
		return column("origin", id, "");
	}

	private long countEvents(UUID id) {
		return this.store.client().sql("SELECT count(*) AS n FROM " + this.store.table("outbox") + " WHERE aggregateid = :id")
			.bind("id", id.toString()).map((row) -> row.get("n", Long.class)).one().block(WAIT);
	}

	private List<String> column(String column, UUID id, String condition) {
		return this.store.client().sql("SELECT " + column + " FROM " + this.store.table("sync_events")
				+ " WHERE entity_id = :id" + condition).bind("id", id)
			.map((row) -> row.get(column, String.class)).all().collectList().block(WAIT);
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static String token() {
		return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}
}
