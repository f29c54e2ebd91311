package io.catalogs.api.quickbooks;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
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
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/** What a QuickBooks catalog does at QuickBooks: Notes, requestid, unique names, deactivation. */
class QuickBooksCustomersIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static Catalog catalog;

	@BeforeAll
	static void createCatalog() {
		FakeServers.quickbooks().reset();
		catalog = QuickBooksTestCatalogs.catalog(links, ReadCacheProperties.defaults());
	}

	@BeforeEach
	void clear() {
		FakeServers.quickbooksVendor().clearEntities();
		FakeServers.quickbooksVendor().uniqueDisplayNames(true);
		links.clear();
	}

	@Test
	void createsWithARequestIdAndKeepsTheGatewayFieldsInNotes() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "q1");
		assertThat(catalog.applyIfNewer(customer).block(TIMEOUT)).isEqualTo(ApplyResult.APPLIED);
		Map<String, Object> stored = FakeServers.quickbooksVendor().entities("Customer").get(0);
		assertThat(stored).containsEntry("DisplayName", "Sample q1");
		assertThat((String) stored.get("Notes")).contains("\"id\":\"" + customer.id() + "\"", "\"version\":\"1\"");
		FakeExchange create = FakeServers.quickbooks().received().stream().filter((e) -> e.is("POST", "/v3/company/"))
			.findFirst().orElseThrow();
		assertThat(create.queryParam("requestid")).startsWith("catalogs-");
	}

	@Test
	void readsByEmailThroughTheQueryLanguage() {
		assertThat(catalog.capabilities()).containsExactlyInAnyOrder(
				Capability.filter(EntityTypes.CUSTOMER, "email", Operator.EQ), Capability.filter(EntityTypes.CUSTOMER, "name", Operator.EQ));
		SampleEntities.customers().subList(0, 3).forEach((customer) -> catalog.create(customer).block(TIMEOUT));
		assertThat(catalog.list(EntityTypes.CUSTOMER, PageRequest.first(5).where(Condition.eq("email", "alan@example.org")))
			.block(TIMEOUT).items()).singleElement().satisfies((found) -> assertSameEntity(found, SampleEntities.customers().get(2)));
		assertThat(FakeServers.quickbooks().received()).anyMatch((e) -> e.is("GET", "/v3/company/")
				&& String.valueOf(e.queryParam("query")).contains("where PrimaryEmailAddr = 'alan@example.org'"));
	}

	@Test
	void aDeleteDeactivatesAndRenamesSoTheNameCanBeUsedAgain() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "q2");
		catalog.create(customer).block(TIMEOUT);
		catalog.delete(EntityTypes.CUSTOMER, customer.id(), null, SampleEntities.at(300)).block(TIMEOUT);
		Map<String, Object> stored = FakeServers.quickbooksVendor().entities("Customer").get(0);
		assertThat(stored).containsEntry("Active", false);
		assertThat((String) stored.get("DisplayName")).startsWith("Sample q2 (deleted ");
		StepVerifier.create(catalog.get(EntityTypes.CUSTOMER, customer.id())).verifyComplete();
		Entity again = SampleEntities.customer("q2-again", "Sample q2", "again@example.com", null, null, SampleEntities.at(1),
				SampleEntities.at(1));
		assertThat(catalog.applyIfNewer(again).block(TIMEOUT)).isEqualTo(ApplyResult.APPLIED);
	}

	@Test
	void aSecondCustomerWithTheSameNameIsRefusedForGood() {
		catalog.create(SampleEntities.customers().get(1)).block(TIMEOUT);
		StepVerifier.create(catalog.applyIfNewer(SampleEntities.customers().get(3)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(CatalogException.class)
				.isNotInstanceOf(RetriableCatalogException.class).hasMessageContaining("HTTP 400"))
			.verify(TIMEOUT);
	}
}
