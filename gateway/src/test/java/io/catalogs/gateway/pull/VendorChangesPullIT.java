package io.catalogs.gateway.pull;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.gateway.api.ApiCatalogsITSupport;
import io.catalogs.gateway.pull.PullScheduler.Target;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.CatalogRole;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pulls from every vendor with a change feed, end to end: a customer edited at Stripe, HubSpot,
 * Salesforce or QuickBooks, and an invoice created at Stripe, Salesforce or QuickBooks for a linked
 * customer, land in the primary after a pull with the vendor as origin and fan out to every other
 * catalog of their type, never back to the vendor; the gateway's own fan-out read back by the next
 * pulls adds no version. An invoice whose customer the gateway does not know yet brings that
 * customer in first; one made by a vendor user, without the gateway's fields, lands complete through
 * the shipped mapping's fallbacks and defaults. Pulls are started directly ({@link PullScheduler#pullNow}).
 */
class VendorChangesPullIT extends ApiCatalogsITSupport {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final List<String> VENDORS = List.of("stripe", "hubspot", "salesforce", "quickbooks");

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private final VendorDesk desk = new VendorDesk();

	@Autowired
	PullScheduler scheduler;

	@Autowired
	CatalogRegistry registry;

	@Autowired
	ControlStore store;

	private HttpGraphQlTester graphQl;

	@Autowired
	void graphQl(HttpGraphQlTester graphQl) {
		this.graphQl = graphQl.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "stripe", "hubspot", "salesforce", "quickbooks" })
	void aCustomerEditedAtTheVendorLandsInThePrimaryAndFansOutButNotBack(String vendor) {
		String token = token();
		UUID id = customerEverywhere(token);
		pullAll();
		assertThat(primary(EntityTypes.CUSTOMER, id).version()).isEqualTo(1);
		String phone = "+1 555 " + (1000 + Math.abs(token.hashCode() % 9000));

		// Stripe and QuickBooks stamp changes to the second: an edit in the second of the last state
		// taken in would read as that state (see docs/pulls.md)
		nextSecond();
		this.desk.editPhone(vendor, remoteId(vendor, EntityTypes.CUSTOMER, id), phone);
		pullAll();

		Entity customer = primary(EntityTypes.CUSTOMER, id);
		assertThat(customer.version()).isEqualTo(2);
		assertThat(customer.attributes()).containsEntry("phone", phone).containsEntry("email", token + "@example.com");
		assertFannedOutButNotBack(EntityTypes.CUSTOMER, id, 2, vendor);
		for (String other : holders(EntityTypes.CUSTOMER)) {
			if (!other.equals(vendor)) {
				await().atMost(WAIT).untilAsserted(() -> assertThat(read(other, EntityTypes.CUSTOMER, id).attributes())
					.as("%s", other).containsEntry("phone", phone));
			}
		}

		pullAll();
		assertThat(primary(EntityTypes.CUSTOMER, id).version()).isEqualTo(2);
		assertThat(changeEvents(id)).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "stripe", "salesforce", "quickbooks" })
	void anInvoiceCreatedAtTheVendorForALinkedCustomerLandsInThePrimaryAndFansOutButNotBack(String vendor) {
		String token = token();
		UUID customerId = customerEverywhere(token);
		pullAll();

		String remoteInvoice = this.desk.createInvoice(vendor, remoteId(vendor, EntityTypes.CUSTOMER, customerId), "INV-" + token,
				new BigDecimal("42.50"));
		pullAll();

		UUID invoiceId = linked(vendor, EntityTypes.INVOICE, remoteInvoice);
		Entity invoice = primary(EntityTypes.INVOICE, invoiceId);
		assertThat(invoice.version()).isEqualTo(1);
		assertThat(invoice.attributes()).containsEntry(Invoice.CUSTOMER_ID, customerId).containsEntry(Invoice.NUMBER, "INV-" + token)
			.containsEntry(Invoice.CURRENCY, "EUR").containsEntry(Invoice.STATUS, "OPEN");
		assertThat((BigDecimal) invoice.attributes().get(Invoice.AMOUNT)).isEqualByComparingTo("42.50");
		assertFannedOutButNotBack(EntityTypes.INVOICE, invoiceId, 1, vendor);

		pullAll();
		assertThat(primary(EntityTypes.INVOICE, invoiceId).version()).isEqualTo(1);
		assertThat(primary(EntityTypes.CUSTOMER, customerId).version()).isEqualTo(1);
		assertThat(changeEvents(invoiceId)).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "stripe", "quickbooks" })
	void anInvoiceMadeByAVendorUserWithoutTheGatewaysFieldsLandsComplete(String vendor) {
		String token = token();
		UUID customerId = customerEverywhere(token);
		pullAll();

		VendorDesk.MadeInvoice made = this.desk.createInvoiceAsAUser(vendor, remoteId(vendor, EntityTypes.CUSTOMER, customerId),
				"H-" + token.substring(0, 8), new BigDecimal("18.00"));
		assertThat(made.number()).isNotBlank();
		pullAll();

		UUID invoiceId = linked(vendor, EntityTypes.INVOICE, made.id());
		Entity invoice = primary(EntityTypes.INVOICE, invoiceId);
		assertThat(invoice.version()).isEqualTo(1);
		assertThat(invoice.attributes()).containsEntry(Invoice.CUSTOMER_ID, customerId).containsEntry(Invoice.NUMBER, made.number())
			.containsEntry(Invoice.CURRENCY, "EUR").containsEntry(Invoice.STATUS, "OPEN");
		assertThat((BigDecimal) invoice.attributes().get(Invoice.AMOUNT)).isEqualByComparingTo("18.00");
		assertFannedOutButNotBack(EntityTypes.INVOICE, invoiceId, 1, vendor);
	}

	@Test
	void anInvoiceWhoseCustomerIsNotKnownYetBringsTheCustomerInFirst() {
		String token = token();
		String contact = FakeServers.salesforceVendor().seed("Contact", Map.of("FirstName", "Nell", "LastName", token,
				"Email", token + "@example.com"), Instant.now());
		String remoteInvoice = this.desk.createInvoice("salesforce", contact, "INV-" + token, new BigDecimal("7.00"));

		// invoices first: the customer is not linked yet
		pull(target("salesforce", EntityTypes.INVOICE));

		UUID customerId = linked("salesforce", EntityTypes.CUSTOMER, contact);
		UUID invoiceId = linked("salesforce", EntityTypes.INVOICE, remoteInvoice);
		assertThat(primary(EntityTypes.CUSTOMER, customerId).attributes()).containsEntry("name", "Nell " + token)
			.containsEntry("email", token + "@example.com");
		assertThat(primary(EntityTypes.INVOICE, invoiceId).attributes()).containsEntry(Invoice.CUSTOMER_ID, customerId)
			.containsEntry(Invoice.NUMBER, "INV-" + token);
		assertFannedOutButNotBack(EntityTypes.CUSTOMER, customerId, 1, "salesforce");
		assertFannedOutButNotBack(EntityTypes.INVOICE, invoiceId, 1, "salesforce");

		// the customers' pull then finds the contact already taken in
		pullAll();
		assertThat(primary(EntityTypes.CUSTOMER, customerId).version()).isEqualTo(1);
		assertThat(changeEvents(customerId)).isEqualTo(1);
		assertThat(changeEvents(invoiceId)).isEqualTo(1);
	}

	/** A customer created through GraphQL, once every catalog holding customers applied it. */
	private UUID customerEverywhere(String token) {
		UUID id = UUID.fromString((String) this.graphQl.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }")
			.variable("input", Map.of("name", "Ada " + token, "email", token + "@example.com"))
			.execute().path("createCustomer").entity(MAP).get().get("id"));
		for (String catalog : holders(EntityTypes.CUSTOMER)) {
			await().atMost(WAIT).untilAsserted(() -> assertThat(syncStates(id, catalog, 1)).as(catalog).contains("APPLIED"));
		}
		return id;
	}

	/** Every other catalog holding {@code type} applied {@code version}; the vendor it came from got no sync event for it. */
	private void assertFannedOutButNotBack(EntityType type, UUID id, long version, String origin) {
		for (String catalog : holders(type)) {
			if (!catalog.equals(origin)) {
				await().atMost(WAIT).untilAsserted(() -> assertThat(syncStates(id, catalog, version)).as(catalog).contains("APPLIED"));
			}
		}
		assertThat(syncStates(id, origin, version)).as("sync events to the origin").isEmpty();
	}

	/** Pulls every cursor of the vendors once (waiting for a scheduled pull holding one to end). */
	private void pullAll() {
		for (Target target : this.scheduler.targets()) {
			if (VENDORS.contains(target.catalog())) {
				pull(target);
			}
		}
	}

	private void pull(Target target) {
		await().atMost(WAIT).until(() -> this.scheduler.pullNow(target).blockOptional(WAIT).isPresent());
	}

	private Target target(String catalog, EntityType type) {
		return this.scheduler.target(catalog, type).orElseThrow();
	}

	private List<String> holders(EntityType type) {
		return this.registry.all().stream()
			.filter((catalog) -> catalog.definition().role() != CatalogRole.PRIMARY && catalog.definition().entityTypes().contains(type))
			.map((catalog) -> catalog.definition().name())
			.toList();
	}

	private Entity primary(EntityType type, UUID id) {
		return this.registry.primary(type).get(type, id).block(WAIT);
	}

	private Entity read(String catalog, EntityType type, UUID id) {
		return this.registry.find(catalog).orElseThrow().get(type, id).block(WAIT);
	}

	private String remoteId(String catalog, EntityType type, UUID id) {
		return this.store.client().sql("SELECT remote_id FROM " + this.store.table("api_links")
				+ " WHERE catalog = :catalog AND entity_type = :type AND entity_id = :id")
			.bind("catalog", catalog).bind("type", type.name()).bind("id", id)
			.map((row) -> row.get("remote_id", String.class)).one().blockOptional(WAIT).orElseThrow();
	}

	private UUID linked(String catalog, EntityType type, String remoteId) {
		return this.store.client().sql("SELECT entity_id FROM " + this.store.table("api_links")
				+ " WHERE catalog = :catalog AND entity_type = :type AND remote_id = :remote")
			.bind("catalog", catalog).bind("type", type.name()).bind("remote", remoteId)
			.map((row) -> row.get("entity_id", UUID.class)).one().blockOptional(WAIT)
			.orElseThrow(() -> new AssertionError(catalog + " " + type + " " + remoteId + " is linked to no entity"));
	}

	private List<String> syncStates(UUID id, String target, long version) {
		return this.store.client().sql("SELECT state FROM " + this.store.table("sync_events")
				+ " WHERE entity_id = :id AND target = :target AND version = :version")
			.bind("id", id).bind("target", target).bind("version", version)
			.map((row) -> row.get("state", String.class)).all().collectList().block(WAIT);
	}

	private long changeEvents(UUID id) {
		return this.store.client().sql("SELECT count(*) AS n FROM " + this.store.table("outbox") + " WHERE aggregateid = :id")
			.bind("id", id.toString()).map((row) -> row.get("n", Long.class)).one().block(WAIT);
	}

	private static void nextSecond() {
		long second = Instant.now().getEpochSecond();
		await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(3))
			.until(() -> Instant.now().getEpochSecond() > second);
	}

	private static String token() {
		return "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}
}
