package io.catalogs.tck;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Capability;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates {@link InMemoryCatalog}s for {@code kind: memory}. Deliberately not auto-configured:
 * a test registers it as a bean to show that a new catalog kind needs no change in the gateway.
 */
public class InMemoryCatalogFactory implements CatalogFactory<InMemoryCatalogProperties> {

	/** The value of {@code kind} this factory serves. */
	public static final String KIND = "memory";

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<InMemoryCatalogProperties> propertiesType() {
		return InMemoryCatalogProperties.class;
	}

	@Override
	public Set<EntityType> supportedEntityTypes() {
		return Set.copyOf(EntityTypes.all());
	}

	@Override
	public InMemoryCatalog create(CatalogDefinition definition, InMemoryCatalogProperties properties) {
		Set<Capability> capabilities = properties.capabilities().isEmpty()
				? InMemoryCatalog.allCapabilities(definition.entityTypes())
				: properties.capabilities().stream().map(Capability::new).collect(Collectors.toSet());
		return new InMemoryCatalog(definition, capabilities);
	}
}
