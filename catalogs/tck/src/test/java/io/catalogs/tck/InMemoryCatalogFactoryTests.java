package io.catalogs.tck;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Capability;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.PageRequest;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryCatalogFactoryTests {

	private final InMemoryCatalogFactory factory = new InMemoryCatalogFactory();

	private final CatalogDefinition definition = new CatalogDefinition("cache", "memory", CatalogRole.SECONDARY,
			Set.of(EntityTypes.CUSTOMER));

	@Test
	void servesKindMemoryForEveryEntityType() {
		assertThat(this.factory.kind()).isEqualTo("memory");
		assertThat(this.factory.propertiesType()).isEqualTo(InMemoryCatalogProperties.class);
		assertThat(this.factory.supportedEntityTypes()).containsExactlyInAnyOrderElementsOf(EntityTypes.all());
	}

	@Test
	void declaresEveryCapabilityOfItsTypesByDefault() {
		InMemoryCatalog catalog = this.factory.create(this.definition, new InMemoryCatalogProperties(null));
		assertThat(catalog.definition()).isEqualTo(this.definition);
		assertThat(catalog.capabilities()).isEqualTo(InMemoryCatalog.allCapabilities(Set.of(EntityTypes.CUSTOMER)))
			.contains(Capability.BACKWARD_PAGING, Capability.sort(EntityTypes.CUSTOMER, "email"))
			.noneMatch(capability -> capability.name().contains("invoice"));
	}

	@Test
	void declaresOnlyConfiguredCapabilities() {
		InMemoryCatalog catalog = this.factory.create(this.definition,
				new InMemoryCatalogProperties(Set.of("filter:customer.email:EQ", "paging:backward")));
		assertThat(catalog.capabilities()).containsExactlyInAnyOrder(new Capability("filter:customer.email:EQ"),
				Capability.BACKWARD_PAGING);
	}

	@Test
	void signalsUnavailableWhileSwitchedOff() {
		InMemoryCatalog catalog = this.factory.create(this.definition, InMemoryCatalogProperties.allCapabilities());
		catalog.setAvailable(false);
		for (Mono<?> call : Set.of(catalog.ping(), catalog.get(EntityTypes.CUSTOMER, SampleEntities.id("c1")),
				catalog.list(EntityTypes.CUSTOMER, PageRequest.first(1)), catalog.create(SampleEntities.customers().get(0)),
				catalog.getMany(EntityTypes.CUSTOMER, Set.of(SampleEntities.id("c1"))).then())) {
			StepVerifier.create(call)
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(CatalogUnavailableException.class,
						unavailable -> assertThat(unavailable.catalog()).isEqualTo("cache")))
				.verify(Duration.ofSeconds(5));
		}
		catalog.setAvailable(true);
		StepVerifier.create(catalog.create(SampleEntities.customers().get(0))).expectNextCount(1).verifyComplete();
		StepVerifier.create(catalog.ping()).verifyComplete();
	}
}
