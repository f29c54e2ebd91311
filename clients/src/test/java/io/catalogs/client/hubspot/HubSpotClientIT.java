package io.catalogs.client.hubspot;

import java.util.Map;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.SpecCheckedServer;
import io.catalogs.client.http.PermanentClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The HubSpot client against a local server speaking the CRM v3 contacts API, every exchange checked against HubSpot's OpenAPI file. */
class HubSpotClientIT {

	private final FakeHttpServer server = FakeServers.hubspot();

	@RegisterExtension
	final SpecCheckedServer spec = new SpecCheckedServer(this.server);

	private final HubSpotClient client = HubSpotTestClients.client("crm");

	@Test
	void createsReadsUpdatesAndArchivesContacts() {
		HubSpotContact created = this.client.contacts().create(properties("g-1", "ada@example.com")).block();
		assertThat(created.id()).isNotBlank();
		assertThat(created.property("catalogs_gateway_id")).isEqualTo("g-1");

		HubSpotContact updated = this.client.contacts().update(created.id(), Map.of("phone", "+1 555 0100", "catalogs_version", "2")).block();
		assertThat(updated.property("phone")).isEqualTo("+1 555 0100");
		assertThat(updated.property("email")).isEqualTo("ada@example.com");

		StepVerifier.create(this.client.contacts().get(created.id()))
			.assertNext((read) -> assertThat(read.properties()).containsEntry("catalogs_version", "2").containsEntry("firstname", "First"))
			.verifyComplete();
		StepVerifier.create(this.client.contacts().findByGatewayId("g-1"))
			.assertNext((read) -> assertThat(read.id()).isEqualTo(created.id()))
			.verifyComplete();
		StepVerifier.create(this.client.contacts().archive(created.id())).verifyComplete();
		StepVerifier.create(this.client.contacts().get(created.id())).verifyComplete();
		StepVerifier.create(this.client.contacts().archive(created.id())).verifyComplete();
	}

	@Test
	void aRepeatedCreateFindsTheContactByItsGatewayIdInsteadOfCreatingAnother() {
		HubSpotContact first = this.client.contacts().create(properties("g-2", "grace@example.com")).block();
		HubSpotContact second = this.client.contacts().create(properties("g-2", "grace@example.com")).block();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(FakeServers.hubspotVendor().contacts()).hasSize(1);
		assertThat(this.server.received()).filteredOn((request) -> request.method().equals("POST")).hasSize(1);
		assertThat(this.server.received().get(0).queryParam("idProperty")).isEqualTo("catalogs_gateway_id");
	}

	@Test
	void aCreateRefusedForAnotherReasonThanOurIdFailsPermanently() {
		this.client.contacts().create(properties("g-3", "same@example.com")).block();
		StepVerifier.create(this.client.contacts().create(properties("g-4", "same@example.com")))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(PermanentClientException.class);
				assertThat(((PermanentClientException) error).status()).isEqualTo(409);
				assertThat(error.getMessage()).doesNotContain("already exists");
			})
			.verify();
	}

	@Test
	void pagesThroughContactsWithAfter() {
		for (int i = 0; i < 5; i++) {
			this.client.contacts().create(properties("p-" + i, "p" + i + "@example.com")).block();
		}
		assertThat(this.client.contacts().all(2).map((c) -> c.property("catalogs_gateway_id")).collectList().block())
			.containsExactly("p-0", "p-1", "p-2", "p-3", "p-4");
		assertThat(this.server.received()).filteredOn((r) -> r.method().equals("GET") && r.path().endsWith("/contacts"))
			.extracting((r) -> r.queryParam("after"))
			.hasSize(3)
			.startsWith((String) null);
	}

	@Test
	void searchesContactsByEmail() {
		this.client.contacts().create(properties("s-1", "find@example.com")).block();
		this.client.contacts().create(properties("s-2", "other@example.com")).block();
		HubSpotPage page = this.client.contacts().search("email", "find@example.com", 10, null).block();
		assertThat(page.results()).extracting((c) -> c.property("catalogs_gateway_id")).containsExactly("s-1");
		assertThat(page.nextAfter()).isEmpty();
	}

	static Map<String, String> properties(String gatewayId, String email) {
		return Map.of("catalogs_gateway_id", gatewayId, "email", email, "firstname", "First", "lastname", "Last",
				"catalogs_version", "1");
	}
}
