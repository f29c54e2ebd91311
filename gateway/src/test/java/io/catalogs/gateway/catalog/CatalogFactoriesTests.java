package io.catalogs.gateway.catalog;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.InMemoryCatalog;
import io.catalogs.tck.InMemoryCatalogFactory;
import io.catalogs.tck.InMemoryCatalogProperties;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFactoriesTests {

	private final CatalogFactories factories = new CatalogFactories(
			List.of(new InMemoryCatalogFactory(), new CustomersOnlyFactory()));

	@Test
	void createsEveryInstanceWithItsRoleAndTypes() {
		Map<String, String> keys = Map.of("catalogs.instances.main.kind", "memory",
				"catalogs.instances.main.role", "primary",
				"catalogs.instances.copy.kind", "memory",
				"catalogs.instances.copy.entity-types", "customer",
				"catalogs.instances.copy.capabilities", "filter:customer.email:EQ");
		List<Catalog> catalogs = create(keys);
		assertThat(catalogs).extracting((catalog) -> catalog.definition().name()).containsExactlyInAnyOrder("main", "copy");
		Catalog main = find(catalogs, "main");
		Catalog copy = find(catalogs, "copy");
		assertThat(main.definition().role()).isEqualTo(CatalogRole.PRIMARY);
		assertThat(main.definition().entityTypes()).containsExactlyInAnyOrderElementsOf(EntityTypes.all());
		assertThat(copy.definition().role()).isEqualTo(CatalogRole.SECONDARY);
		assertThat(copy.definition().entityTypes()).containsExactly(EntityTypes.CUSTOMER);
		assertThat(copy.capabilities()).extracting(Object::toString).containsExactly("filter:customer.email:EQ");
	}

	@Test
	void rejectsUnknownKindNamingTheKeyAndTheKnownKinds() {
		assertThatThrownBy(() -> create(Map.of("catalogs.instances.x.kind", "oracle")))
			.isInstanceOf(CatalogConfigurationException.class)
			.hasMessageContaining("catalogs.instances.x.kind 'oracle'")
			.hasMessageContaining("[customers-only, memory]");
	}

	@Test
	void rejectsMissingKind() {
		assertThatThrownBy(() -> create(Map.of("catalogs.instances.x.role", "primary")))
			.isInstanceOf(CatalogConfigurationException.class)
			.hasMessageContaining("catalogs.instances.x.kind is missing");
	}

	@Test
	void rejectsUnknownEntityType() {
		assertThatThrownBy(() -> create(Map.of("catalogs.instances.x.kind", "memory",
				"catalogs.instances.x.entity-types", "customer,widget")))
			.isInstanceOf(CatalogConfigurationException.class)
			.hasMessageContaining("catalogs.instances.x.entity-types: 'widget' is not an entity type");
	}

	@Test
	void rejectsEntityTypeTheKindCannotHold() {
		assertThatThrownBy(() -> create(Map.of("catalogs.instances.x.kind", "customers-only",
				"catalogs.instances.x.entity-types", "invoice")))
			.isInstanceOf(CatalogConfigurationException.class)
			.hasMessageContaining("catalog 'x' of kind 'customers-only' cannot hold invoice entities");
	}

	@Test
	void rejectsEmptyConfiguration() {
		assertThatThrownBy(() -> create(Map.of()))
			.isInstanceOf(CatalogConfigurationException.class)
			.hasMessageContaining("no catalog is configured");
	}

	@Test
	void rejectsTwoFactoriesForOneKind() {
		assertThatThrownBy(() -> new CatalogFactories(List.of(new InMemoryCatalogFactory(), new InMemoryCatalogFactory())))
			.isInstanceOf(CatalogConfigurationException.class)
			.hasMessageContaining("two catalog modules serve kind 'memory'");
	}

	private List<Catalog> create(Map<String, String> keys) {
		Binder binder = new Binder(new MapConfigurationPropertySource(keys));
		CatalogsProperties properties = binder.bindOrCreate("catalogs", CatalogsProperties.class);
		return this.factories.createAll(properties, binder);
	}

	private static Catalog find(List<Catalog> catalogs, String name) {
		return catalogs.stream().filter((catalog) -> catalog.definition().name().equals(name)).findFirst().orElseThrow();
	}

	/** A second kind that holds customers only. */
	private static final class CustomersOnlyFactory implements CatalogFactory<InMemoryCatalogProperties> {

		@Override
		public String kind() {
			return "customers-only";
		}

		@Override
		public Class<InMemoryCatalogProperties> propertiesType() {
			return InMemoryCatalogProperties.class;
		}

		@Override
		public Set<EntityType> supportedEntityTypes() {
			return Set.of(EntityTypes.CUSTOMER);
		}

		@Override
		public Catalog create(CatalogDefinition definition, InMemoryCatalogProperties properties) {
			return new InMemoryCatalog(definition, InMemoryCatalog.allCapabilities(definition.entityTypes()));
		}
	}
}
