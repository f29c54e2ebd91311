package io.catalogs.postgres;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.Parameter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one entity type lies in its table, and the conversion of its values: the only code that
 * knows column names and storage types, shared by every statement of every entity type.
 *
 * <p>Every table has the system columns {@code id uuid}, {@code version bigint},
 * {@code created_at}/{@code updated_at timestamptz} and {@code deleted boolean} (tombstones), then
 * one column per attribute named as the snake_case of the field name. Storage types by
 * {@link FieldType}: {@code STRING}/{@code ENUM} text, {@code DECIMAL} numeric (scale kept),
 * {@code TIMESTAMP} timestamptz, {@code ID} uuid, {@code JSON} jsonb.
 */
final class TableMapping {

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private static final Map<String, String> COLUMN_NAMES = new ConcurrentHashMap<>();

	/** The columns every table starts with, in this order. */
	static final List<String> SYSTEM_COLUMNS = List.of("id", "version", "created_at", "updated_at", "deleted");

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final EntityType type;

	private final String table;

	private final JsonMapper json;

	private TableMapping(EntityType type, String table, JsonMapper json) {
		this.type = type;
		this.table = table;
		this.json = json;
	}

	static TableMapping of(EntityType type, String schema, String table, JsonMapper json) {
		return new TableMapping(type, quote(schema) + "." + quote(table), json);
	}

	EntityType type() {
		return this.type;
	}

	/** The schema-qualified, quoted table name. */
	String table() {
		return this.table;
	}

	/** Every column, quoted: the system columns, then one per attribute in field order. */
	List<String> columns() {
		List<String> columns = new ArrayList<>();
		SYSTEM_COLUMNS.forEach(column -> columns.add(quote(column)));
		attributes().forEach(attribute -> columns.add(column(attribute.name())));
		return columns;
	}

	/** The client-writable fields, in column order. */
	List<FieldDef> attributes() {
		return this.type.attributes();
	}

	/** The column of a field (system fields included), unquoted; {@code customerId} lies in {@code customer_id}. */
	static String columnName(String field) {
		// called for every column of every row read: derive each name once
		return COLUMN_NAMES.computeIfAbsent(field,
				(name) -> CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT));
	}

	/**
	 * The quoted column of a field of this type.
	 * @throws IllegalArgumentException if the type has no such field
	 */
	String column(String field) {
		return quote(columnName(this.type.field(field).name()));
	}

	/**
	 * The column of a field as an ordering key: text compared by code point ({@code COLLATE "C"}),
	 * as the contract orders strings whatever the database's collation is.
	 */
	String sortKey(String field) {
		FieldType fieldType = this.type.field(field).type();
		boolean text = fieldType == FieldType.STRING || fieldType == FieldType.ENUM;
		return text ? column(field) + " COLLATE \"C\"" : column(field);
	}

	/**
	 * A client-writable field of this type.
	 * @throws IllegalArgumentException if there is none of that name (or it is a system field)
	 */
	FieldDef attribute(String field) {
		return attributes().stream()
			.filter(attribute -> attribute.name().equals(field))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(this.type + " has no writable field " + field));
	}

	/** A value of {@code field} as a bind parameter, typed even when {@code null}. */
	Parameter parameter(FieldDef field, Object value) {
		return Parameter.fromOrEmpty((value != null) ? toDatabase(field, value) : null, databaseType(field.type()));
	}

	/** A non-null value of {@code field} as the driver binds it. */
	Object toDatabase(FieldDef field, Object value) {
		return switch (field.type()) {
			case STRING, ENUM -> value.toString();
			case DECIMAL -> (value instanceof BigDecimal decimal) ? decimal : new BigDecimal(value.toString());
			case TIMESTAMP -> Entity.truncate((Instant) value);
			case ID -> (value instanceof UUID uuid) ? uuid : UUID.fromString(value.toString());
			case JSON -> Json.of(this.json.writeValueAsString(value));
		};
	}

	/** The Java type the driver binds for values of that kind. */
	static Class<?> databaseType(FieldType fieldType) {
		return switch (fieldType) {
			case STRING, ENUM -> String.class;
			case DECIMAL -> BigDecimal.class;
			case TIMESTAMP -> Instant.class;
			case ID -> UUID.class;
			case JSON -> Json.class;
		};
	}

	/** The entity in a row read with {@code SELECT *} (or {@code RETURNING *}). */
	Entity toEntity(Readable row) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (FieldDef field : attributes()) {
			attributes.put(field.name(), read(row, field));
		}
		return new Entity(this.type, row.get("id", UUID.class), row.get("version", Long.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("deleted", Boolean.class), attributes);
	}

	private Object read(Readable row, FieldDef field) {
		String column = columnName(field.name());
		if (field.type() == FieldType.JSON) {
			Json value = row.get(column, Json.class);
			return (value != null) ? this.json.readValue(value.asString(), JSON_OBJECT) : null;
		}
		return row.get(column, databaseType(field.type()));
	}

	static String quote(String identifier) {
		return "\"" + identifier + "\"";
	}
}
