package io.catalogs.postgres;

import io.catalogs.schema.Entity;
import io.catalogs.schema.FieldDef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the SQL of reads by id and of writes for any entity type. Every write is one statement
 * whose {@code WHERE} clause holds the check (live, expected version, newer version), so that the
 * check and the write are atomic without explicit locking.
 */
final class EntityStatements {

	private EntityStatements() {
	}

	/** The live entity with that id. */
	static BoundSql get(TableMapping table, UUID id) {
		return BoundSql.of("SELECT * FROM " + table.table() + " WHERE id = $1 AND NOT deleted", id);
	}

	/** The live entities with those ids. */
	static BoundSql getMany(TableMapping table, Collection<UUID> ids) {
		return BoundSql.of("SELECT * FROM " + table.table() + " WHERE id = ANY($1) AND NOT deleted",
				(Object) ids.stream().distinct().toArray(UUID[]::new));
	}

	/** The version and tombstone flag of the row with that id, live or not. */
	static BoundSql state(TableMapping table, UUID id) {
		return BoundSql.of("SELECT version, deleted FROM " + table.table() + " WHERE id = $1", id);
	}

	/** Insert the entity as given, returning the stored row. */
	static BoundSql insert(TableMapping table, Entity entity) {
		BoundSql.Parameters parameters = new BoundSql.Parameters();
		return parameters.toSql(insertInto(table, entity, parameters) + " RETURNING *");
	}

	/**
	 * Insert the entity, or overwrite the row of its id if that holds an older version; the statement
	 * reports one row written if it did either, none if the stored version was the same or newer.
	 */
	static BoundSql upsertIfNewer(TableMapping table, Entity entity) {
		BoundSql.Parameters parameters = new BoundSql.Parameters();
		List<String> assignments = new ArrayList<>();
		for (String column : table.columns()) {
			if (!column.equals(TableMapping.quote("id"))) {
				assignments.add(column + " = EXCLUDED." + column);
			}
		}
		return parameters.toSql(insertInto(table, entity, parameters) + " ON CONFLICT (id) DO UPDATE SET "
				+ String.join(", ", assignments) + " WHERE stored.version < EXCLUDED.version");
	}

	/**
	 * Change attributes of the live row, bump its version and set {@code updated_at}, only if it
	 * is at {@code expectedVersion} when that is given; returns the row as stored, or no row.
	 */
	static BoundSql update(TableMapping table, UUID id, Map<String, Object> changes, Long expectedVersion,
			Instant now) {
		BoundSql.Parameters parameters = new BoundSql.Parameters();
		String idParameter = parameters.bind(id);
		List<String> assignments = new ArrayList<>();
		changes.forEach((field, value) -> {
			FieldDef attribute = table.attribute(field);
			assignments.add(table.column(field) + " = " + parameters.bind(table.parameter(attribute, value)));
		});
		assignments.add("version = version + 1");
		assignments.add("updated_at = " + parameters.bind(Entity.truncate(now)));
		return parameters.toSql("UPDATE " + table.table() + " SET " + String.join(", ", assignments)
				+ whereWritable(idParameter, expectedVersion, parameters) + " RETURNING *");
	}

	/** Turn the live row into a tombstone with its version bumped, under the same check as {@link #update}. */
	static BoundSql delete(TableMapping table, UUID id, Long expectedVersion, Instant now) {
		BoundSql.Parameters parameters = new BoundSql.Parameters();
		String idParameter = parameters.bind(id);
		String updatedAt = parameters.bind(Entity.truncate(now));
		return parameters.toSql("UPDATE " + table.table() + " SET deleted = true, version = version + 1, updated_at = "
				+ updatedAt + whereWritable(idParameter, expectedVersion, parameters) + " RETURNING *");
	}

	private static String whereWritable(String idParameter, Long expectedVersion, BoundSql.Parameters parameters) {
		String where = " WHERE id = " + idParameter + " AND NOT deleted";
		return (expectedVersion != null) ? where + " AND version = " + parameters.bind(expectedVersion) : where;
	}

	private static String insertInto(TableMapping table, Entity entity, BoundSql.Parameters parameters) {
		List<String> values = new ArrayList<>();
		values.add(parameters.bind(entity.id()));
		values.add(parameters.bind(entity.version()));
		values.add(parameters.bind(entity.createdAt()));
		values.add(parameters.bind(entity.updatedAt()));
		values.add(parameters.bind(entity.deleted()));
		for (FieldDef attribute : table.attributes()) {
			values.add(parameters.bind(table.parameter(attribute, entity.get(attribute.name()))));
		}
		return "INSERT INTO " + table.table() + " AS stored (" + String.join(", ", table.columns()) + ") VALUES ("
				+ String.join(", ", values) + ")";
	}
}
