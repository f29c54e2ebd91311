package io.catalogs.gateway.webhook;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.FakeExchange;
import io.catalogs.gateway.api.ApiCatalogsITSupport;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stripe webhooks carrying the events the (fake) Stripe recorded for changes made there: mapped by
 * the catalog's field mapping into the primary and every other catalog, never back to Stripe;
 * replayed and shuffled events end in the vendor's newest state, written once; invoices follow
 * their status events, their customer taken in first; a deleted customer is deleted everywhere.
 */
class StripeVendorWebhookIT extends ApiCatalogsITSupport {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	CatalogRegistry registry;

	@Autowired
	ControlStore store;

	private WebhookITClient client;

	@BeforeEach
	void client() {
		this.client = new WebhookITClient(this.port);
	}

	@AfterEach
	void realClock() {
		FakeServers.stripeVendor().clock(() -> System.currentTimeMillis() / 1000);
	}

	@Test
	void aCustomerUpdatedAtStripeReachesThePrimaryAndEveryOtherCatalogButStripe() throws Exception {
		String token = token();
		String id = (String) this.client.stripe("POST", "/v1/customers", "name=Ada&email=" + token + "%40example.com").get("id");
		assertThat(deliverAll(id)).singleElement().satisfies((body) -> assertThat(body).contains("CREATED"));
		UUID entityId = entityOf("stripe", EntityTypes.CUSTOMER, id);
		this.client.stripe("POST", "/v1/customers/" + id, "name=Ada+Lovelace&phone=%2B44+20+7946+0000");
		int before = FakeServers.stripe().received().size();
		String updated = last(this.client.stripeEvents(id, "customer.updated"));
		HttpResponse<String> response = this.client.deliverStripe(updated, WEBHOOK_SECRET);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("UPDATED");
		Entity primary = get("postgres", EntityTypes.CUSTOMER, entityId);
		assertThat(primary.version()).isEqualTo(2);
		assertThat(primary.attributes()).containsEntry("name", "Ada Lovelace").containsEntry("phone", "+44 20 7946 0000");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String catalog : List.of("mongo", "redis", "hubspot", "salesforce", "quickbooks")) {
				Entity held = get(catalog, EntityTypes.CUSTOMER, entityId);
				assertThat(held).as(catalog).isNotNull();
				assertThat(held.attributes()).containsEntry("name", "Ada Lovelace");
			}
		});
		assertThat(column("target", entityId)).doesNotContain("stripe");
		assertThat(column("origin", entityId)).containsOnly("stripe");
		List<FakeExchange> received = FakeServers.stripe().received();
		assertThat(received.subList(before, received.size())).noneMatch((exchange) -> !exchange.method().equals("GET")
				&& (exchange.path().contains(id) || (exchange.body() != null && exchange.body().contains(token))));
	}

	@Test
	void replayedAndShuffledEventsAreAppliedOnceAndEndInTheVendorsNewestState() throws Exception {
		String token = token();
		long t0 = System.currentTimeMillis() / 1000 - 100;
		FakeServers.stripeVendor().clock(() -> t0);
		String id = (String) this.client.stripe("POST", "/v1/customers", "name=First&email=" + token + "%40example.com").get("id");
		FakeServers.stripeVendor().clock(() -> t0 + 10);
		this.client.stripe("POST", "/v1/customers/" + id, "name=Second");
		FakeServers.stripeVendor().clock(() -> t0 + 20);
		this.client.stripe("POST", "/v1/customers/" + id, "name=Third");
		List<String> events = this.client.stripeEvents(id, null);
		assertThat(events).hasSize(3);

		// newest first, then the older ones, each three times, interleaved
		List<String> outcomes = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (int i : new int[] { 2, 0, 1 }) {
				HttpResponse<String> response = this.client.deliverStripe(events.get(i), WEBHOOK_SECRET);
				assertThat(response.statusCode()).isEqualTo(200);
				outcomes.add(response.body());
			}
		}

		assertThat(outcomes.get(0)).contains("CREATED");
		assertThat(outcomes.subList(1, 3)).allSatisfy((body) -> assertThat(body).contains("OUT_OF_ORDER"));
		assertThat(outcomes.subList(3, 9)).allSatisfy((body) -> assertThat(body).contains("DUPLICATE"));
		UUID entityId = entityOf("stripe", EntityTypes.CUSTOMER, id);
		Entity primary = get("postgres", EntityTypes.CUSTOMER, entityId);
		assertThat(primary.attributes()).containsEntry("name", "Third");
		assertThat(primary.version()).isEqualTo(1);
		assertThat(outboxRows(entityId)).isEqualTo(1);

		// a later change at Stripe, delivered before an older replay: still the vendor's order
		FakeServers.stripeVendor().clock(() -> t0 + 30);
		this.client.stripe("POST", "/v1/customers/" + id, "name=Fourth");
		String fourth = last(this.client.stripeEvents(id, "customer.updated"));
		assertThat(this.client.deliverStripe(fourth, WEBHOOK_SECRET).body()).contains("UPDATED");
		assertThat(this.client.deliverStripe(events.get(1), WEBHOOK_SECRET).body()).contains("DUPLICATE");
		assertThat(get("postgres", EntityTypes.CUSTOMER, entityId).attributes()).containsEntry("name", "Fourth");
	}

	@Test
	void invoiceEventsFollowTheStatusAndTakeInTheirCustomerFirst() throws Exception {
		String token = token();
		String customer = (String) this.client.stripe("POST", "/v1/customers", "name=Payer&email=" + token + "%40example.com")
			.get("id");
		String invoice = (String) this.client.stripe("POST", "/v1/invoices", "customer=" + customer
				+ "&currency=eur&collection_method=send_invoice&days_until_due=30&metadata[gateway_number]=INV-" + token)
			.get("id");
		this.client.stripe("POST", "/v1/invoiceitems", "customer=" + customer + "&invoice=" + invoice + "&amount=1250&currency=eur");
		this.client.stripe("POST", "/v1/invoices/" + invoice + "/finalize", "");

		// the customer's own events are not delivered (yet): the invoice takes it in
		HttpResponse<String> finalized = this.client.deliverStripe(last(this.client.stripeEvents(invoice, "invoice.finalized")),
				WEBHOOK_SECRET);
		assertThat(finalized.statusCode()).isEqualTo(200);
		assertThat(finalized.body()).contains("CREATED");
		UUID customerId = entityOf("stripe", EntityTypes.CUSTOMER, customer);
		UUID invoiceId = entityOf("stripe", EntityTypes.INVOICE, invoice);
		Entity open = get("postgres", EntityTypes.INVOICE, invoiceId);
		assertThat(open.attributes()).containsEntry("status", "OPEN").containsEntry("customerId", customerId)
			.containsEntry("number", "INV-" + token);
		assertThat(get("postgres", EntityTypes.CUSTOMER, customerId).attributes()).containsEntry("name", "Payer");

		this.client.stripe("POST", "/v1/invoices/" + invoice + "/pay", "paid_out_of_band=true");
		HttpResponse<String> paid = this.client.deliverStripe(last(this.client.stripeEvents(invoice, "invoice.paid")),
				WEBHOOK_SECRET);
		assertThat(paid.body()).contains("UPDATED");
		assertThat(get("postgres", EntityTypes.INVOICE, invoiceId).attributes()).containsEntry("status", "PAID");

		// the draft's creation arrives last: the current (paid) invoice stands
		HttpResponse<String> late = this.client.deliverStripe(this.client.stripeEvents(invoice, "invoice.created").get(0),
				WEBHOOK_SECRET);
		assertThat(late.body()).contains("OUT_OF_ORDER");
		Entity after = get("postgres", EntityTypes.INVOICE, invoiceId);
		assertThat(after.attributes()).containsEntry("status", "PAID");
		assertThat(column("origin", invoiceId)).containsOnly("stripe");
	}

	@Test
	void aDeletedCustomerIsDeletedInThePrimaryAndItsLinkTombstoned() throws Exception {
		String token = token();
		String id = (String) this.client.stripe("POST", "/v1/customers", "name=Gone&email=" + token + "%40example.com").get("id");
		deliverAll(id);
		UUID entityId = entityOf("stripe", EntityTypes.CUSTOMER, id);
		this.client.stripe("DELETE", "/v1/customers/" + id, null);

		HttpResponse<String> response = this.client.deliverStripe(last(this.client.stripeEvents(id, "customer.deleted")),
				WEBHOOK_SECRET);

		assertThat(response.body()).contains("DELETED");
		assertThat(this.registry.primary(EntityTypes.CUSTOMER).get(EntityTypes.CUSTOMER, entityId).blockOptional(WAIT)
			.filter((entity) -> !entity.deleted())).isEmpty();
		assertThat(this.store.client().sql("SELECT deleted_version FROM " + this.store.table("api_links")
				+ " WHERE catalog = 'stripe' AND entity_id = :id").bind("id", entityId)
			.map((row) -> Optional.ofNullable(row.get("deleted_version", Long.class))).one().block(WAIT)).isPresent();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				this.registry.find("mongo").orElseThrow().get(EntityTypes.CUSTOMER, entityId).blockOptional(WAIT)
					.filter((entity) -> !entity.deleted())).isEmpty());
		assertThat(column("target", entityId)).doesNotContain("stripe");
	}

	private List<String> deliverAll(String id) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (String event : this.client.stripeEvents(id, null)) {
			HttpResponse<String> response = this.client.deliverStripe(event, WEBHOOK_SECRET);
			assertThat(response.statusCode()).isEqualTo(200);
			bodies.add(response.body());
		}
		return bodies;
	}

	private static String last(List<String> events) {
		assertThat(events).isNotEmpty();
		return events.get(events.size() - 1);
	}

	private Entity get(String catalog, EntityType type, UUID id) {
		return this.registry.find(catalog).orElseThrow().get(type, id).block(WAIT);
	}

	private UUID entityOf(String catalog, EntityType type, String remoteId) {
		return this.store.client().sql("SELECT entity_id FROM " + this.store.table("api_links")
				+ " WHERE catalog = :catalog AND entity_type = :type AND remote_id = :remote")
			.bind("catalog", catalog).bind("type", type.name()).bind("remote", remoteId)
			.map((row) -> row.get("entity_id", UUID.class)).one().blockOptional(WAIT).orElseThrow();
	}

	private long outboxRows(UUID id) {
		return this.store.client().sql("SELECT count(*) AS n FROM " + this.store.table("outbox") + " WHERE aggregateid = :id")
			.bind("id", id.toString()).map((row) -> row.get("n", Long.class)).one().block(WAIT);
	}

	private List<String> column(String column, UUID id) {
		return this.store.client().sql("SELECT " + column + " FROM " + this.store.table("sync_events")
				+ " WHERE entity_id = :id").bind("id", id)
			.map((row) -> row.get(column, String.class)).all().collectList().block(WAIT);
	}

	private static String token() {
		return "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}
}
