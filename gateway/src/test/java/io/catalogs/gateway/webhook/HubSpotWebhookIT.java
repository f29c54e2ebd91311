package io.catalogs.gateway.webhook;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.FakeExchange;
import io.catalogs.gateway.api.ApiCatalogsITSupport;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HubSpot webhooks end to end: a verified {@code contact.*} delivery is recorded, answered, and the
 * contact's current state applied to the primary with origin {@code hubspot}, reaching every other
 * catalog and never HubSpot; a redelivery is a duplicate; forged, stale, future, altered, unsigned
 * and malformed deliveries are 400 and record nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class HubSpotWebhookIT extends ApiCatalogsITSupport {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	CatalogRegistry registry;

	@Autowired
	ControlStore store;

	@Autowired
	WebhookRetry retry;

	private WebhookITClient client;

	@BeforeEach
	void client() {
		this.client = new WebhookITClient(this.port);
	}

	@Test
	void aContactPropertyChangeUpdatesThePrimaryAndFansOutButNotBackToHubSpot() throws Exception {
		String token = token();
		String email = token + "@example.com";
		String contact = (String) this.client.hubspot("POST", "", Map.of("properties",
				Map.of("firstname", "Grace", "lastname", "Hopper", "email", email), "associations", List.of())).get("id");
		HttpResponse<String> created = this.client.deliverHubSpot(events(token + "1", "contact.creation", contact),
				HUBSPOT_CLIENT_SECRET, Instant.now());
		assertThat(created.statusCode()).isEqualTo(200);
		UUID id = await().atMost(WAIT).until(() -> linked(contact), (found) -> found != null);
		this.client.hubspot("PATCH", "/" + contact, Map.of("properties", Map.of("lastname", "Murray Hopper")));
		int before = FakeServers.hubspot().received().size();
		String change = events(token + "2", "contact.propertyChange", contact);
		HttpResponse<String> response = this.client.deliverHubSpot(change, HUBSPOT_CLIENT_SECRET, Instant.now());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"accepted\":1");
		await().atMost(WAIT).untilAsserted(() -> assertThat(customer("postgres", id).attributes())
			.containsEntry("name", "Grace Murray Hopper").containsEntry("email", email));
		assertThat(customer("postgres", id).version()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String catalog : List.of("mongo", "redis", "stripe", "salesforce", "quickbooks")) {
				Entity held = customer(catalog, id);
				assertThat(held).as(catalog).isNotNull();
				assertThat(held.attributes()).containsEntry("name", "Grace Murray Hopper");
			}
		});
		assertThat(column("target", id)).doesNotContain("hubspot");
		assertThat(column("origin", id)).containsOnly("hubspot");
		List<FakeExchange> received = FakeServers.hubspot().received();
		assertThat(received.subList(before, received.size())).noneMatch((exchange) -> !exchange.method().equals("GET")
				&& (exchange.path().contains(contact) || (exchange.body() != null && exchange.body().contains(token))));

		// the same delivery again: acknowledged, applied no more
		HttpResponse<String> again = this.client.deliverHubSpot(change, HUBSPOT_CLIENT_SECRET, Instant.now());
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("\"duplicates\":1");
		assertThat(customer("postgres", id).version()).isEqualTo(2);
	}

	@Test
	void aContactDeletionDeletesTheCustomer() throws Exception {
		String token = token();
		String contact = (String) this.client.hubspot("POST", "", Map.of("properties",
				Map.of("firstname", "Ada", "lastname", "Gone", "email", token + "@example.com"), "associations", List.of())).get("id");
		this.client.deliverHubSpot(events(token + "1", "contact.creation", contact), HUBSPOT_CLIENT_SECRET, Instant.now());
		UUID id = await().atMost(WAIT).until(() -> linked(contact), (found) -> found != null);
		this.client.hubspot("DELETE", "/" + contact, null);

		HttpResponse<String> response = this.client.deliverHubSpot(events(token + "2", "contact.deletion", contact),
				HUBSPOT_CLIENT_SECRET, Instant.now());

		assertThat(response.statusCode()).isEqualTo(200);
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.registry.find("postgres").orElseThrow()
			.get(EntityTypes.CUSTOMER, id).blockOptional(WAIT).filter((entity) -> !entity.deleted())).isEmpty());
	}

	@Test
	void anEventRecordedButNotAppliedIsAppliedByTheRetry() throws Exception {
		String token = token();
		String contact = (String) this.client.hubspot("POST", "", Map.of("properties",
				Map.of("firstname", "Katherine", "lastname", "Johnson", "email", token + "@example.com"), "associations", List.of())).get("id");
		// as if the gateway stopped after recording the event and before applying it
		this.store.client().sql("INSERT INTO " + this.store.table("webhook_events") + " (catalog, event_id, event_type,"
				+ " object_id, event_created, received_at) VALUES ('hubspot', :event, 'contact.creation', :object, now(),"
				+ " now() - interval '1 hour')").bind("event", token).bind("object", contact).fetch().rowsUpdated().block(WAIT);

		assertThat(this.retry.retry().block(WAIT)).isPositive();

		UUID id = linked(contact);
		assertThat(id).isNotNull();
		assertThat(customer("postgres", id).attributes()).containsEntry("name", "Katherine Johnson");
		assertThat(this.store.client().sql("SELECT applied_at IS NOT NULL AS applied FROM " + this.store.table("webhook_events")
				+ " WHERE catalog = 'hubspot' AND event_id = :event").bind("event", token)
			.map((row) -> row.get("applied", Boolean.class)).one().block(WAIT)).isTrue();
	}

	@Test
	void forgedStaleFutureAlteredUnsignedAndMalformedDeliveriesAreRejectedWithoutEffect(CapturedOutput output) throws Exception {
		String token = token();
		String body = events(token, "contact.propertyChange", "987654321");
		Instant now = Instant.now();
		String uri = this.client.uri("hubspot").toString();
		List<HttpResponse<String>> responses = List.of(
				this.client.deliverHubSpot(body, "wrong-secret", now),
				this.client.deliverHubSpot(body, HUBSPOT_CLIENT_SECRET, now.minusSeconds(301)),
				this.client.deliverHubSpot(body, HUBSPOT_CLIENT_SECRET, now.plusSeconds(3600)),
				// signed over the same events serialized differently
				this.client.deliverHubSpotWith(body.replace(",", ", "), (bytes, timestamp) -> HubSpotSignatureVerifier
					.signature(HUBSPOT_CLIENT_SECRET, "POST", uri, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
							timestamp), now),
				// signed for another URL
				this.client.deliverHubSpotWith(body, (bytes, timestamp) -> HubSpotSignatureVerifier
					.signature(HUBSPOT_CLIENT_SECRET, "POST", uri + "x", bytes, timestamp), now),
				this.client.deliverHubSpotWith(body, null, now),
				this.client.deliverHubSpotWith(body, (bytes, timestamp) -> "not base64!", now),
				this.client.deliverHubSpot("{\"eventId\":1}", HUBSPOT_CLIENT_SECRET, now),
				this.client.deliverHubSpot("[{\"eventId\":1,\"subscriptionType\":\"contact.creation\"}]",
						HUBSPOT_CLIENT_SECRET, now),
				this.client.deliverHubSpot("[not json", HUBSPOT_CLIENT_SECRET, now));
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).doesNotContain(HUBSPOT_CLIENT_SECRET);
		});
		assertThat(this.store.client().sql("SELECT count(*) AS n FROM " + this.store.table("webhook_events")
				+ " WHERE catalog = 'hubspot' AND event_id LIKE :id").bind("id", token.replaceAll("\\D", "") + "%")
			.map((row) -> row.get("n", Long.class)).one().block(WAIT)).isZero();
		assertThat(output.getAll()).contains("rejected").doesNotContain(HUBSPOT_CLIENT_SECRET);
	}

	/** One-event delivery as HubSpot sends it. */
	private String events(String eventId, String type, String contact) {
		return this.client.write(List.of(Map.of("eventId", Long.parseLong(eventId.replaceAll("\\D", "")), "subscriptionId", 42,
				"portalId", 62515, "appId", 1160452, "occurredAt", Instant.now().toEpochMilli(), "subscriptionType", type,
				"attemptNumber", 0, "objectId", Long.parseLong(contact), "changeSource", "CRM_UI")));
	}

	private Entity customer(String catalog, UUID id) {
		return this.registry.find(catalog).orElseThrow().get(EntityTypes.CUSTOMER, id).block(WAIT);
	}

	private UUID linked(String remoteId) {
		return this.store.client().sql("SELECT entity_id FROM " + this.store.table("api_links")
				+ " WHERE catalog = 'hubspot' AND remote_id = :remote").bind("remote", remoteId)
			.map((row) -> row.get("entity_id", UUID.class)).one().blockOptional(WAIT).orElse(null);
	}

	private List<String> column(String column, UUID id) {
		return this.store.client().sql("SELECT " + column + " FROM " + this.store.table("sync_events")
				+ " WHERE entity_id = :id").bind("id", id)
			.map((row) -> row.get(column, String.class)).all().collectList().block(WAIT);
	}

	/** Digits only, so that event ids made of it are numbers as HubSpot's are. */
	private static String token() {
		return Long.toString(System.nanoTime() % 1_000_000_000L + 1_000_000_000L);
	}
}
