package io.catalogs.api.salesforce;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.Operator;
import io.catalogs.tck.SampleEntities;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/** What a Salesforce catalog does at Salesforce: upserts by the gateway id, clears fields, relinks. */
class SalesforceContactsIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private final Catalog catalog = SalesforceTestCatalogs.catalog(this.links, ReadCacheProperties.defaults());

	@BeforeEach
	void clear() {
		FakeServers.salesforce().reset();
	}

	@Test
	void upsertsTheContactByTheGatewayIdWithTimestampsAndMetadataInOneField() {
		Entity customer = SampleEntities.customer("s1", "Ada", "ada@example.com", "+1 555 0101", Map.of("tier", "gold"),
				SampleEntities.at(1), SampleEntities.at(2));
		assertThat(this.catalog.applyIfNewer(customer).block(TIMEOUT)).isEqualTo(ApplyResult.APPLIED);
		Map<String, Object> contact = FakeServers.salesforceVendor().records("Contact").get(0);
		assertThat(contact).containsEntry("Catalogs_Gateway_Id__c", customer.id().toString()).containsEntry("LastName", "Ada")
			.containsEntry("Email", "ada@example.com").doesNotContainKey("FirstName");
		assertThat((String) contact.get("Catalogs_Metadata__c")).isEqualTo("{\"createdAt\":\"" + customer.createdAt()
				+ "\",\"metadata\":\"{\\\"tier\\\":\\\"gold\\\"}\",\"updatedAt\":\"" + customer.updatedAt() + "\"}");
		assertThat(FakeServers.salesforce().received()).anyMatch((e) -> e.is("PATCH",
				"/services/data/v60.0/sobjects/Contact/Catalogs_Gateway_Id__c/" + customer.id()));
	}

	@Test
	void filtersByTheTextFieldsSoqlCompares() {
		assertThat(this.catalog.capabilities()).containsExactlyInAnyOrder(
				Capability.filter(EntityTypes.CUSTOMER, "email", Operator.EQ), Capability.filter(EntityTypes.CUSTOMER, "phone", Operator.EQ),
				Capability.filter(EntityTypes.CUSTOMER, "id", Operator.EQ));
	}

	@Test
	void clearsAFieldTheNewerVersionLacks() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "clear");
		this.catalog.applyIfNewer(customer).block(TIMEOUT);
		Map<String, Object> cleared = new HashMap<>();
		cleared.put("phone", null);
		Entity newer = customer.withChanges(cleared, SampleEntities.at(200));
		this.catalog.applyIfNewer(newer).block(TIMEOUT);
		assertThat(FakeServers.salesforceVendor().records("Contact").get(0)).containsEntry("Phone", null);
		assertSameEntity(this.catalog.get(EntityTypes.CUSTOMER, customer.id()).block(TIMEOUT), newer);
	}

	@Test
	void findsItsContactByTheGatewayIdWhenTheLinkIsLost() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "relink");
		this.catalog.applyIfNewer(customer).block(TIMEOUT);
		this.links.clear();
		Entity newer = customer.withChanges(Map.of("email", "new@example.com"), SampleEntities.at(300));
		assertThat(this.catalog.applyIfNewer(newer).block(TIMEOUT)).isEqualTo(ApplyResult.APPLIED);
		assertThat(FakeServers.salesforceVendor().records("Contact")).hasSize(1);
		assertSameEntity(this.catalog.get(EntityTypes.CUSTOMER, customer.id()).block(TIMEOUT), newer);
	}
}
