package io.catalogs.client.salesforce;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.client.fake.FakeServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Salesforce client against a local server speaking the REST API as Salesforce's developer
 * guide documents it (no official OpenAPI file exists to validate against).
 */
class SalesforceClientIT {

	private final FakeHttpServer server = FakeServers.salesforce();

	private final FakeSalesforce salesforce = FakeServers.salesforceVendor();

	private final SalesforceClient client = SalesforceTestClients.client("crm");

	@BeforeEach
	void reset() {
		this.server.reset();
	}

	@Test
	void upsertByGatewayIdCreatesOnceAndUpdatesOnRepeat() {
		SalesforceContact.Fields fields = new SalesforceContact.Fields("Ada", "Lovelace", "ada@example.com", null, 1L, "{}");
		SalesforceSaveResult first = this.client.contacts().upsertByGatewayId("g-1", fields).block();
		SalesforceSaveResult again = this.client.contacts().upsertByGatewayId("g-1", fields).block();
		assertThat(first.created()).isTrue();
		assertThat(again.created()).isFalse();
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(this.salesforce.records("Contact")).hasSize(1);
		assertThat(this.server.received()).filteredOn((r) -> r.method().equals("PATCH"))
			.allSatisfy((r) -> assertThat(r.path()).endsWith("/sobjects/Contact/Catalogs_Gateway_Id__c/g-1"));
	}

	@Test
	void readsUpdatesAndDeletesContacts() {
		String id = this.client.contacts()
			.upsertByGatewayId("g-2", new SalesforceContact.Fields("Grace", "Hopper", "grace@example.com", "+1 555", 1L, null))
			.block()
			.id();
		StepVerifier.create(this.client.contacts().update(id, new SalesforceContact.Fields(null, null, "g@navy.mil", null, 2L, null)))
			.verifyComplete();
		StepVerifier.create(this.client.contacts().get(id)).assertNext((contact) -> {
			assertThat(contact.email()).isEqualTo("g@navy.mil");
			assertThat(contact.lastName()).isEqualTo("Hopper");
			assertThat(contact.version()).isEqualTo(2L);
			assertThat(contact.gatewayId()).isEqualTo("g-2");
			assertThat(contact.lastModifiedDate()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+0000");
		}).verifyComplete();
		StepVerifier.create(this.client.contacts().findByGatewayId("g-2"))
			.assertNext((contact) -> assertThat(contact.id()).isEqualTo(id))
			.verifyComplete();
		StepVerifier.create(this.client.contacts().delete(id)).verifyComplete();
		StepVerifier.create(this.client.contacts().get(id)).verifyComplete();
		StepVerifier.create(this.client.contacts().findByGatewayId("g-2")).verifyComplete();
		StepVerifier.create(this.client.contacts().delete(id)).verifyComplete();
	}

	@Test
	void queriesWithSoqlAndFollowsNextRecordsUrl() {
		for (int i = 0; i < 5; i++) {
			this.client.contacts().upsertByGatewayId("q-" + i, new SalesforceContact.Fields(null, "O'Brien " + i, "q" + i + "@example.com",
					null, 1L, null)).block();
		}
		List<SalesforceContact> all = this.client.contacts().all(null, "LastName", 2).collectList().block();
		assertThat(all).extracting(SalesforceContact::gatewayId).containsExactly("q-0", "q-1", "q-2", "q-3", "q-4");
		assertThat(this.server.received()).filteredOn((r) -> r.path().contains("/query")).hasSize(3);
		SalesforceQueryResult<SalesforceContact> one = this.client.contacts()
			.query("LastName = " + Soql.literal("O'Brien 3"), null, 200)
			.block();
		assertThat(one.totalSize()).isEqualTo(1);
		assertThat(one.done()).isTrue();
		assertThat(one.records()).extracting(SalesforceContact::email).containsExactly("q3@example.com");
	}

	@Test
	void storesInvoicesInTheCustomObjectLinkedToTheirContact() {
		String contactId = this.client.contacts()
			.upsertByGatewayId("c-1", new SalesforceContact.Fields(null, "Buyer", "buyer@example.com", null, 1L, null))
			.block()
			.id();
		SalesforceInvoice.Fields fields = new SalesforceInvoice.Fields("INV-1", contactId, new BigDecimal("123.45"), "EUR", "DRAFT",
				"2030-01-01T00:00:00.000+0000", null, 1L, "{\"createdAt\":\"2030-01-01T00:00:00.001Z\"}");
		String id = this.client.invoices().upsertByGatewayId("i-1", fields).block().id();
		SalesforceInvoice invoice = this.client.invoices().get(id).block();
		assertThat(invoice.amount()).isEqualByComparingTo("123.45");
		assertThat(invoice.contactId()).isEqualTo(contactId);
		assertThat(invoice.number()).isEqualTo("INV-1");
		assertThat(invoice.metadata()).contains("2030-01-01T00:00:00.001Z");
		assertThat(invoice.createdDate()).isNotBlank();
		assertThat(invoice.systemModstamp()).isNotBlank();
		assertThat(this.client.invoices().query("Catalogs_Customer__c = " + Soql.literal(contactId), null, 200).block().records())
			.hasSize(1);
		assertThat(this.salesforce.records(SalesforceClient.INVOICE_OBJECT)).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("Catalogs_Status__c", "DRAFT"));
	}

	@Test
	void soqlLiteralsEscapeQuotesAndBackslashes() {
		assertThat(Soql.literal("O'Brien \\ \"x\"\n")).isEqualTo("'O\\'Brien \\\\ \\\"x\\\"\\n'");
		assertThat(Map.of("q", Soql.literal("plain"))).containsEntry("q", "'plain'");
	}
}
