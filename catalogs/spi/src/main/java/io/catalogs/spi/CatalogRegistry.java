package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured catalogs by name, and the primary of each entity type. Built once at startup
 * from every {@link Catalog}; building fails with a message naming the problem when two catalogs
 * share a name or an entity type has two primaries or none.
 */
public final class CatalogRegistry {

	private final Map<String, Catalog> byName;

	private final Map<EntityType, Catalog> primaries;

	private CatalogRegistry(Map<String, Catalog> byName, Map<EntityType, Catalog> primaries) {
		this.byName = byName;
		this.primaries = primaries;
	}

	/**
	 * A registry of these catalogs, in the given order.
	 * @param requiredTypes entity types that must have a primary
	 * @throws IllegalStateException on duplicate names, two primaries for a type, or a type without one
	 */
	public static CatalogRegistry of(Collection<Catalog> catalogs, Collection<EntityType> requiredTypes) {
		Map<String, Catalog> byName = new LinkedHashMap<>();
		Map<EntityType, Catalog> primaries = new LinkedHashMap<>();
		for (Catalog catalog : catalogs) {
			CatalogDefinition definition = catalog.definition();
			if (byName.putIfAbsent(definition.name(), catalog) != null) {
				throw new IllegalStateException("two catalogs are named '" + definition.name() + "'");
			}
			if (definition.role() == CatalogRole.PRIMARY) {
				for (EntityType type : definition.entityTypes()) {
					Catalog other = primaries.putIfAbsent(type, catalog);
					if (other != null) {
						throw new IllegalStateException("entity type '" + type + "' has two primary catalogs: '"
								+ other.definition().name() + "' and '" + definition.name() + "'");
					}
				}
			}
		}
		for (EntityType type : requiredTypes) {
			if (!primaries.containsKey(type)) {
				throw new IllegalStateException("entity type '" + type + "' has no primary catalog: give one of "
						+ "catalogs.instances.<name> role: primary and entity-types containing " + type);
			}
		}
		return new CatalogRegistry(byName, primaries);
	}

	/**
	 * The catalog to use for {@code type}: the one named, or the type's primary when {@code name}
	 * is {@code null}.
	 * @throws UnknownCatalogException if no catalog has that name or it does not hold that type
	 */
	public Catalog resolve(String name, EntityType type) {
		if (name == null) {
			return primary(type);
		}
		Catalog catalog = this.byName.get(name);
		if (catalog == null) {
			throw UnknownCatalogException.named(name);
		}
		if (!catalog.definition().holds(type)) {
			throw new UnknownCatalogException("catalog '" + name + "' holds no " + type + " entities");
		}
		return catalog;
	}

	/**
	 * The primary catalog of {@code type}.
	 * @throws UnknownCatalogException if no catalog is primary for it
	 */
	public Catalog primary(EntityType type) {
		Catalog primary = this.primaries.get(type);
		if (primary == null) {
			throw new UnknownCatalogException("no catalog holds " + type + " entities");
		}
		return primary;
	}

	/** The catalog of that name, if configured. */
	public Optional<Catalog> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/** Every catalog, in configuration order. */
	public List<Catalog> all() {
		return List.copyOf(this.byName.values());
	}

	/** Every catalog that holds {@code type} except its primary, in configuration order. */
	public List<Catalog> secondaries(EntityType type) {
		List<Catalog> result = new ArrayList<>();
		Catalog primary = this.primaries.get(type);
		for (Catalog catalog : this.byName.values()) {
			if (catalog != primary && catalog.definition().holds(type)) {
				result.add(catalog);
			}
		}
		return result;
	}
}
