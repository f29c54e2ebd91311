package io.catalogs.api.stripe;

import io.catalogs.api.ApiCatalogAutoConfiguration;
import io.catalogs.api.ApiLink;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.ListingProperties;
import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.Fault;
import io.catalogs.client.fake.FaultPlan;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogRole;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.Condition;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.RetriableCatalogException;
import io.catalogs.spi.UnsupportedCapabilityException;
import io.catalogs.tck.SampleEntities;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static org.assertj.core.api.Assertions.assertThat;

/** What a Stripe catalog does at Stripe: the objects it writes, the calls it makes, how failures come out. */
class StripeCustomersIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final CatalogDefinition DEFINITION = new CatalogDefinition("stripe", "stripe", CatalogRole.SECONDARY,
			Set.of(EntityTypes.CUSTOMER));

	private final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private final Catalog catalog = new StripeCatalogFactory(this.links).create(DEFINITION, StripeTestCatalogs.properties());

	@BeforeEach
	void clear() {
		FakeServers.stripe().reset();
	}

	@Test
	void writesTheCustomerWithTheGatewayIdVersionAndTimestampsInMetadata() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "meta");
		assertThat(this.catalog.applyIfNewer(customer).block(TIMEOUT)).isEqualTo(ApplyResult.APPLIED);
		Map<String, Object> stored = FakeServers.stripeVendor().customers().get(0);
		assertThat(stored).containsEntry("name", "Sample meta").containsEntry("email", "meta@example.com")
			.containsEntry("phone", "+1 555 0199");
		@SuppressWarnings("unchecked")
		Map<String, Object> metadata = (Map<String, Object>) stored.get("metadata");
		assertThat(metadata).containsEntry("gateway_id", customer.id().toString())
			.containsEntry("gateway_version", "1")
			.containsEntry("gateway_created_at", customer.createdAt().toString())
			.containsEntry("gateway_updated_at", customer.updatedAt().toString())
			.containsKey("gateway_metadata");
		ApiLink link = this.links.find("stripe", EntityTypes.CUSTOMER, customer.id()).block();
		assertThat(link.remoteId()).isEqualTo(stored.get("id"));
	}

	@Test
	void aCreateWhoseAnswerWasLostIsRepeatedWithTheSameIdempotencyKey() {
		FakeServers.stripe().faults(FaultPlan.first(Fault.resetAfterCommit()));
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "lost");
		assertThat(this.catalog.applyIfNewer(customer).block(TIMEOUT)).isEqualTo(ApplyResult.APPLIED);
		assertThat(FakeServers.stripeVendor().customers()).hasSize(1);
		List<FakeExchange> creates = FakeServers.stripe().received().stream().filter((e) -> e.is("POST", "/v1/customers")).toList();
		assertThat(creates).hasSize(2);
		assertThat(creates).extracting((e) -> e.headers().getFirst("Idempotency-Key")).doesNotContainNull().containsOnly(
				creates.get(0).headers().getFirst("Idempotency-Key"));
		assertSameEntity(this.catalog.get(EntityTypes.CUSTOMER, customer.id()).block(TIMEOUT), customer);
	}

	@Test
	void tombstonesDeleteTheStripeCustomer() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "gone");
		this.catalog.applyIfNewer(customer).block(TIMEOUT);
		assertThat(this.catalog.applyIfNewer(customer.toTombstone(SampleEntities.at(500))).block(TIMEOUT))
			.isEqualTo(ApplyResult.APPLIED);
		assertThat(FakeServers.stripeVendor().customers()).isEmpty();
		assertThat(FakeServers.stripe().received()).anyMatch((e) -> e.is("DELETE", "/v1/customers/cus_"));
		assertThat(this.links.find("stripe", EntityTypes.CUSTOMER, customer.id()).block().deletedVersion()).isEqualTo(2L);
	}

	@Test
	void filtersByEmailAtStripeAndRefusesWhatStripeCannotFilter() {
		SampleEntities.customers().forEach((customer) -> this.catalog.create(customer).block(TIMEOUT));
		FakeServers.stripe().reset();
		FakeServers.stripe().faults(FaultPlan.none());
		assertThat(this.catalog.list(EntityTypes.CUSTOMER, PageRequest.first(10).where(Condition.eq("email", "grace@example.com")))
			.block(TIMEOUT).items()).isEmpty();
		assertThat(FakeServers.stripe().received()).singleElement()
			.satisfies((e) -> assertThat(e.queryParam("email")).isEqualTo("grace@example.com"));
		StepVerifier.create(this.catalog.list(EntityTypes.CUSTOMER, PageRequest.first(10).where(Condition.contains("name", "Gr"))))
			.expectError(UnsupportedCapabilityException.class).verify(TIMEOUT);
	}

	@Test
	void readsByEmailThroughTheMapping() {
		SampleEntities.customers().forEach((customer) -> this.catalog.create(customer).block(TIMEOUT));
		List<Entity> found = this.catalog.list(EntityTypes.CUSTOMER, PageRequest.first(10)
			.where(Condition.eq("email", "grace.h@example.org"))).block(TIMEOUT).items();
		assertThat(found).singleElement().satisfies((entity) -> assertSameEntity(entity, SampleEntities.customers().get(3)));
	}

	@Test
	void cachesReadsByIdUntilAWriteThroughTheCatalog() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "cached");
		this.catalog.create(customer).block(TIMEOUT);
		this.catalog.get(EntityTypes.CUSTOMER, customer.id()).block(TIMEOUT);
		this.catalog.get(EntityTypes.CUSTOMER, customer.id()).block(TIMEOUT);
		assertThat(reads()).isEqualTo(1);
		this.catalog.update(EntityTypes.CUSTOMER, customer.id(), Map.of("name", "Renamed"), null, SampleEntities.at(200))
			.block(TIMEOUT);
		assertThat(this.catalog.get(EntityTypes.CUSTOMER, customer.id()).block(TIMEOUT).<String>get("name")).isEqualTo("Renamed");
	}

	@Test
	void outagesAreRetriableAndRefusalsAreNot() {
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "down");
		FakeServers.stripe().faults(FaultPlan.always(Fault.status(503)));
		StepVerifier.create(this.catalog.applyIfNewer(customer)).expectError(CatalogUnavailableException.class).verify(TIMEOUT);
		FakeServers.stripe().faults(FaultPlan.always(Fault.status(400)));
		StepVerifier.create(this.catalog.applyIfNewer(customer)).expectErrorSatisfies((error) -> assertThat(error)
			.isInstanceOf(CatalogException.class).isNotInstanceOf(RetriableCatalogException.class)
			.hasMessageStartingWith("catalog 'stripe': the vendor refused a call (stripe/stripe POST /v1/customers failed: HTTP 400"))
			.verify(TIMEOUT);
	}

	@Test
	void aListingThatWouldReadTooMuchAsksForAFilter() {
		StripeCatalogProperties small = StripeTestCatalogs.properties();
		small = new StripeCatalogProperties(small.baseUrl(), small.apiKey(), null, null, null, small.timeout(), small.rateLimit(),
				small.retry(), null, null, new ListingProperties(2, 3), null);
		Catalog limited = new StripeCatalogFactory(this.links).create(DEFINITION, small);
		SampleEntities.customers().forEach((customer) -> limited.create(customer).block(TIMEOUT));
		StepVerifier.create(limited.list(EntityTypes.CUSTOMER, PageRequest.first(2)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(CatalogException.class)
				.hasMessageContaining("would read more than 3 customer objects"))
			.verify(TIMEOUT);
		assertThat(limited.list(EntityTypes.CUSTOMER, PageRequest.first(2).where(Condition.eq("email", "ada@example.com")))
			.block(TIMEOUT).items()).hasSize(1);
	}

	@Test
	void keepsLinksInTheApplicationsLinkStoreBean() {
		InMemoryApiLinkStore store = new InMemoryApiLinkStore();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApiCatalogAutoConfiguration.class))
			.withBean(ApiLinkStore.class, () -> store)
			.run((context) -> {
				Catalog created = context.getBean(StripeCatalogFactory.class).create(DEFINITION, StripeTestCatalogs.properties());
				created.create(SampleEntities.sample(EntityTypes.CUSTOMER, "linked")).block(TIMEOUT);
				assertThat(store.find("stripe", EntityTypes.CUSTOMER, SampleEntities.id("linked")).block().remoteId())
					.isEqualTo(FakeServers.stripeVendor().customers().get(0).get("id"));
			});
	}

	private long reads() {
		return FakeServers.stripe().received().stream().filter((e) -> e.is("GET", "/v1/customers/cus_")).count();
	}
}
