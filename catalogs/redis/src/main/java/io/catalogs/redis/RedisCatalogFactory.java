package io.catalogs.redis;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.util.Set;

/**
 * Creates {@link RedisCatalog}s for the instances configured with {@code kind: redis}. Creation opens
 * no connection, so it succeeds while Redis is down. The layout is derived from each entity type,
 * so every known type can be held.
 */
public class RedisCatalogFactory implements CatalogFactory<RedisCatalogProperties> {

	/** The value of {@code catalogs.instances.<name>.kind} this factory serves. */
	public static final String KIND = "redis";

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<RedisCatalogProperties> propertiesType() {
		return RedisCatalogProperties.class;
	}

	@Override
	public Set<EntityType> supportedEntityTypes() {
		return Set.copyOf(EntityTypes.all());
	}

	@Override
	public Catalog create(CatalogDefinition definition, RedisCatalogProperties properties) {
		return RedisCatalog.create(definition, (properties != null) ? properties : RedisCatalogProperties.defaults());
	}
}
