package io.catalogs.api;

import io.catalogs.api.mapping.EntityMapping;
import io.catalogs.api.mapping.FieldMappingProperties;
import io.catalogs.api.mapping.MappingCompiler;
import io.catalogs.api.mapping.MappingDefaults;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.CatalogDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What every vendor's catalog factory does the same way: compile the field mappings of the
 * catalog's entity types (shipped defaults merged with {@code catalogs.instances.<name>.mapping}),
 * then put an {@link ApiCatalog} together from them and the vendor's collections.
 */
public final class ApiCatalogs {

	private static final Logger logger = LoggerFactory.getLogger(ApiCatalogs.class);

	private ApiCatalogs() {
	}

	/**
	 * The checked mappings of every entity type {@code definition} holds.
	 * @param vendor the vendor whose shipped mappings are the defaults ({@code stripe})
	 * @param schemas the vendor object each type is held in
	 * @param overrides the catalog's {@code mapping} tree, possibly {@code null}
	 * @throws io.catalogs.api.mapping.InvalidMappingException naming the first key that is wrong
	 */
	public static Map<EntityType, EntityMapping> mappings(CatalogDefinition definition, String vendor,
			Map<EntityType, RemoteSchema> schemas, Map<String, Map<String, FieldMappingProperties>> overrides) {
		Map<String, Map<String, FieldMappingProperties>> configured = (overrides != null) ? overrides : Map.of();
		MappingCompiler compiler = new MappingCompiler(definition.name(),
				"catalogs.instances." + definition.name() + ".mapping", MappingDefaults.location(vendor));
		compiler.checkTypes(configured, definition.entityTypes());
		Map<String, Map<String, FieldMappingProperties>> defaults = MappingDefaults.load(vendor);
		Map<EntityType, EntityMapping> mappings = new LinkedHashMap<>();
		for (EntityType type : definition.entityTypes()) {
			RemoteSchema schema = schemas.get(type);
			if (schema == null) {
				throw new IllegalStateException(vendor + " catalogs cannot hold " + type + " entities");
			}
			mappings.put(type, compiler.compile(type, schema, defaults.getOrDefault(type.name(), Map.of()),
					configuredFor(configured, type)));
		}
		return mappings;
	}

	/**
	 * The catalog of {@code definition}, each type held by the collection {@code collections} gives
	 * for its mapping.
	 */
	public static ApiCatalog catalog(CatalogDefinition definition, Map<EntityType, EntityMapping> mappings,
			Function<EntityMapping, RemoteCollection> collections, ApiLinkStore links, ReadCacheProperties cache,
			ListingProperties listing, Supplier<Mono<Void>> ping) {
		if (!links.durable()) {
			logger.warn("Catalog '{}' keeps the links between entity ids and {} ids, and its tombstones, in memory: they "
					+ "are lost on restart (provide an ApiLinkStore bean, see catalogs/api/README.md)", definition.name(),
					definition.kind());
		}
		List<RemoteEntities> types = new ArrayList<>();
		mappings.forEach((type, mapping) -> types.add(new RemoteEntities(definition.name(), mapping,
				collections.apply(mapping), links, (listing != null) ? listing : ListingProperties.defaults())));
		return new ApiCatalog(definition, types, (cache != null) ? cache : ReadCacheProperties.defaults(), ping);
	}

	private static Map<String, FieldMappingProperties> configuredFor(Map<String, Map<String, FieldMappingProperties>> configured,
			EntityType type) {
		return configured.entrySet().stream().filter((entry) -> entry.getKey().equalsIgnoreCase(type.name()))
			.map(Map.Entry::getValue).findFirst().orElse(Map.of());
	}
}
