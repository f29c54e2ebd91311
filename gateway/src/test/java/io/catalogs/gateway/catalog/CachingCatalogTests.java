package io.catalogs.gateway.catalog;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.InMemoryCatalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachingCatalogTests {

	private final InMemoryCatalog store = new InMemoryCatalog(
			new CatalogDefinition("cached", "memory", CatalogRole.SECONDARY, Set.copyOf(EntityTypes.all())),
			InMemoryCatalog.allCapabilities(EntityTypes.all()));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Catalog cached = CachingCatalog.wrap(this.store,
			new CatalogInstanceProperties.Cache(true, 100, Duration.ofMinutes(5)), this.meters);

	private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void servesRepeatedReadsFromTheCacheAndCountsHitsAndMisses() {
		Entity ada = customer("Ada");
		this.cached.create(ada).block();
		this.cached.get(EntityTypes.CUSTOMER, ada.id()).block();
		// changed behind the cache's back: a cached read still shows the old name
		this.store.update(EntityTypes.CUSTOMER, ada.id(), Map.of(Customer.NAME, "Changed"), null, this.now).block();
		Entity read = this.cached.get(EntityTypes.CUSTOMER, ada.id()).block();
		assertThat(read.<String>get(Customer.NAME)).isEqualTo("Ada");
		assertThat(this.meters.get("cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(1);
		assertThat(this.meters.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(1);
	}

	@Test
	void writesThroughTheCatalogInvalidateTheEntry() {
		Entity ada = customer("Ada");
		this.cached.create(ada).block();
		this.cached.get(EntityTypes.CUSTOMER, ada.id()).block();
		this.cached.update(EntityTypes.CUSTOMER, ada.id(), Map.of(Customer.NAME, "Ada L."), null, this.now).block();
		assertThat(this.cached.get(EntityTypes.CUSTOMER, ada.id()).block().<String>get(Customer.NAME)).isEqualTo("Ada L.");
		this.cached.delete(EntityTypes.CUSTOMER, ada.id(), null, this.now).block();
		assertThat(this.cached.get(EntityTypes.CUSTOMER, ada.id()).blockOptional()).isEmpty();
	}

	@Test
	void syncAppliesInvalidateTheEntry() {
		Entity ada = customer("Ada");
		this.cached.create(ada).block();
		this.cached.get(EntityTypes.CUSTOMER, ada.id()).block();
		this.cached.applyIfNewer(ada.withChanges(Map.of(Customer.NAME, "From sync"), this.now)).block();
		assertThat(this.cached.get(EntityTypes.CUSTOMER, ada.id()).block().<String>get(Customer.NAME))
			.isEqualTo("From sync");
	}

	@Test
	void getManyMixesCachedAndFetchedEntitiesAndSkipsMissingOnes() {
		Entity ada = customer("Ada");
		Entity grace = customer("Grace");
		this.cached.create(ada).block();
		this.cached.create(grace).block();
		this.cached.get(EntityTypes.CUSTOMER, ada.id()).block();
		List<Entity> many = this.cached.getMany(EntityTypes.CUSTOMER, List.of(ada.id(), grace.id(), UUID.randomUUID()))
			.collectList()
			.block();
		assertThat(many).extracting(Entity::id).containsExactlyInAnyOrder(ada.id(), grace.id());
	}

	private Entity customer(String name) {
		return Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), this.now,
				Map.of(Customer.NAME, name, Customer.EMAIL, name.toLowerCase() + "@example.com"));
	}
}
