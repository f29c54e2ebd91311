package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.Objects;
import java.util.Set;

/**
 * What configuration says of one catalog instance, independent of its kind: the part of
 * {@code catalogs.instances.<name>} every kind shares.
 *
 * @param name the instance name clients pass as the {@code catalog} argument
 * @param kind the kind that implements it ({@code postgres}, {@code mongo}, ...)
 * @param role primary or secondary
 * @param entityTypes the entity types it holds
 */
public record CatalogDefinition(String name, String kind, CatalogRole role, Set<EntityType> entityTypes) {

	public CatalogDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(role, "role");
		entityTypes = Set.copyOf(entityTypes);
	}

	/** Whether this instance holds entities of {@code type}. */
	public boolean holds(EntityType type) {
		return this.entityTypes.contains(type);
	}
}
