package io.catalogs.postgres;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * The table of every entity type the PostgreSQL catalog can hold: the one place a new entity type
 * is added (with a migration creating its table). Columns need no entry: they are the snake_case of
 * the field names (see {@link TableMapping}).
 */
final class PostgresTables {

	private static final Map<EntityType, String> TABLES = Map.of(
			EntityTypes.CUSTOMER, "customers",
			EntityTypes.INVOICE, "invoices");

	private PostgresTables() {
	}

	/** The entity types that have a table. */
	static Set<EntityType> supportedTypes() {
		return TABLES.keySet();
	}

	/**
	 * The mapping of each of {@code types} to its table in {@code schema}.
	 * @throws IllegalArgumentException if a type has no table
	 */
	static Map<EntityType, TableMapping> mappings(Collection<EntityType> types, String schema, JsonMapper json) {
		Map<EntityType, TableMapping> mappings = new LinkedHashMap<>();
		for (EntityType type : types) {
			String table = TABLES.get(type);
			if (table == null) {
				throw new IllegalArgumentException("the postgres catalog has no table for " + type
						+ " entities; it holds " + TABLES.keySet());
			}
			mappings.put(type, TableMapping.of(type, schema, table, json));
		}
		return Map.copyOf(mappings);
	}
}
