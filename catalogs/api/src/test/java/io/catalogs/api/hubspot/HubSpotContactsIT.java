package io.catalogs.api.hubspot;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.fake.Json;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Operator;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.RetriableCatalogException;
import io.catalogs.tck.SampleEntities;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/** What a HubSpot catalog does at HubSpot: the contact properties it writes, archives, searches, relinks. */
class HubSpotContactsIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private final Catalog catalog = HubSpotTestCatalogs.catalog(this.links, ReadCacheProperties.defaults());

	@BeforeEach
	void clear() {
		FakeServers.hubspot().reset();
		FakeServers.hubspotVendor().uniqueEmails(true);
	}

	@Test
	void writesTheNameAsFirstAndLastNameAndTheGatewayFieldsAsCustomProperties() {
		Entity customer = SampleEntities.customer("h1", "Grace Brewster Hopper", "grace@example.com", null, Map.of("tier", "gold"),
				SampleEntities.at(1), SampleEntities.at(2));
		assertThat(this.catalog.applyIfNewer(customer).block(TIMEOUT)).isEqualTo(ApplyResult.APPLIED);
		@SuppressWarnings("unchecked")
		Map<String, Object> properties = (Map<String, Object>) FakeServers.hubspotVendor().contacts().get(0).get("properties");
		assertThat(properties).containsEntry("firstname", "Grace").containsEntry("lastname", "Brewster Hopper")
			.containsEntry("email", "grace@example.com").containsEntry("catalogs_gateway_id", customer.id().toString())
			.containsEntry("catalogs_version", "1").containsEntry("catalogs_metadata", "{\"tier\":\"gold\"}")
			.doesNotContainKey("phone");
	}

	@Test
	void declaresEqualityOnTextPropertiesAndRangesOnDatetimePropertiesAndSearchesWithThem() {
		List<Capability> expected = new ArrayList<>(List.of(Capability.filter(EntityTypes.CUSTOMER, "email", Operator.EQ),
				Capability.filter(EntityTypes.CUSTOMER, "phone", Operator.EQ), Capability.filter(EntityTypes.CUSTOMER, "id", Operator.EQ)));
		for (Operator operator : List.of(Operator.EQ, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE)) {
			expected.add(Capability.filter(EntityTypes.CUSTOMER, "createdAt", operator));
			expected.add(Capability.filter(EntityTypes.CUSTOMER, "updatedAt", operator));
		}
		assertThat(this.catalog.capabilities()).containsExactlyInAnyOrderElementsOf(expected);
		SampleEntities.customers().forEach((customer) -> this.catalog.create(customer).block(TIMEOUT));
		assertThat(this.catalog.list(EntityTypes.CUSTOMER, PageRequest.first(5).where(Condition.eq("email", "alan@example.org")))
			.block(TIMEOUT).items()).singleElement().satisfies((found) -> assertSameEntity(found, SampleEntities.customers().get(2)));
		assertThat(FakeServers.hubspot().received()).anyMatch((e) -> e.is("POST", "/crm/v3/objects/contacts/search"));
	}

	@Test
	void writesTimestampsAsHubSpotDatetimesAndFiltersRangesAtHubSpot() {
		List<Entity> customers = SampleEntities.customers();
		customers.forEach((customer) -> this.catalog.create(customer).block(TIMEOUT));
		@SuppressWarnings("unchecked")
		Map<String, Object> stored = (Map<String, Object>) FakeServers.hubspotVendor().contacts().get(0).get("properties");
		assertThat(stored.get("catalogs_created_at")).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
			.withZone(ZoneOffset.UTC).format(customers.get(0).createdAt()));
		Instant bound = customers.get(1).createdAt();
		int before = FakeServers.hubspot().received().size();
		List<Entity> found = this.catalog.list(EntityTypes.CUSTOMER, PageRequest.first(50).where(Condition.gt("createdAt", bound)))
			.block(TIMEOUT).items();
		assertThat(found).extracting(Entity::id).containsExactlyInAnyOrderElementsOf(customers.stream()
			.filter((customer) -> customer.createdAt().isAfter(bound)).map(Entity::id).toList());
		assertThat(found).isNotEmpty().hasSizeLessThan(customers.size());
		Map<String, Object> search = Json.read(FakeServers.hubspot().received().stream().skip(before)
			.filter((e) -> e.is("POST", "/crm/v3/objects/contacts/search")).findFirst().orElseThrow().body());
		assertThat(search.get("filterGroups")).isEqualTo(List.of(Map.of("filters", List.of(Map.of("propertyName",
				"catalogs_created_at", "operator", "GT", "value", Long.toString(bound.toEpochMilli()))))));
	}

	@Test
	void aSecondContactWithTheSameEmailIsRefusedForGood() {
		this.catalog.create(SampleEntities.customers().get(0)).block(TIMEOUT);
		Entity twin = SampleEntities.customer("twin", "Ada Twin", "ada@example.com", null, null, SampleEntities.at(1),
				SampleEntities.at(1));
		StepVerifier.create(this.catalog.applyIfNewer(twin))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(CatalogException.class)
				.isNotInstanceOf(RetriableCatalogException.class).hasMessageContaining("HTTP 409"))
			.verify(TIMEOUT);
	}

	@Test
	void findsItsContactByTheGatewayIdWhenTheLinkIsLost() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "relink");
		this.catalog.applyIfNewer(customer).block(TIMEOUT);
		this.links.clear();
		Entity newer = customer.withChanges(Map.of("name", "Relinked"), SampleEntities.at(300));
		assertThat(this.catalog.applyIfNewer(newer).block(TIMEOUT)).isEqualTo(ApplyResult.APPLIED);
		assertThat(FakeServers.hubspotVendor().contacts()).hasSize(1);
		assertSameEntity(this.catalog.get(EntityTypes.CUSTOMER, customer.id()).block(TIMEOUT), newer);
		assertThat(this.catalog.applyIfNewer(customer).block(TIMEOUT)).isEqualTo(ApplyResult.STALE);
	}

	@Test
	void deletesArchiveTheContact() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "archived");
		this.catalog.create(customer).block(TIMEOUT);
		this.catalog.delete(EntityTypes.CUSTOMER, customer.id(), 1L, SampleEntities.at(400)).block(TIMEOUT);
		assertThat(FakeServers.hubspotVendor().contacts()).isEmpty();
		assertThat(FakeServers.hubspot().received()).anyMatch((e) -> e.is("DELETE", "/crm/v3/objects/contacts/"));
		StepVerifier.create(this.catalog.get(EntityTypes.CUSTOMER, customer.id())).verifyComplete();
	}
}
