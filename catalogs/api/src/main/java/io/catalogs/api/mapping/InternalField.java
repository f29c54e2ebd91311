package io.catalogs.api.mapping;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A field of an entity as mappings see it: the type's fields plus {@code version}, which every
 * vendor object must carry for apply-if-newer.
 *
 * @param name the field name ({@code createdAt}, {@code email}, {@code version})
 * @param kind the kind of value
 * @param enumValues the names of an enum field
 * @param required whether every entity has a value
 */
record InternalField(String name, Kind kind, List<String> enumValues, boolean required) {

	/** The name of the version pseudo-field. */
	static final String VERSION = "version";

	/** The kinds of values, {@link FieldType} plus the version. */
	enum Kind {
		TEXT, ENUM, DECIMAL, TIMESTAMP, ID, JSON, VERSION;

		static Kind of(FieldType type) {
			return switch (type) {
				case STRING -> TEXT;
				case ENUM -> ENUM;
				case DECIMAL -> DECIMAL;
				case TIMESTAMP -> TIMESTAMP;
				case ID -> ID;
				case JSON -> JSON;
			};
		}
	}

	/** Every field of {@code type} a mapping may name: system fields, version, attributes. */
	static List<InternalField> all(EntityType type) {
		List<InternalField> fields = new ArrayList<>();
		for (FieldDef field : type.fields()) {
			fields.add(new InternalField(field.name(), Kind.of(field.type()), field.enumValues(), field.required()));
			if (field.name().equals(EntityType.UPDATED_AT)) {
				fields.add(new InternalField(VERSION, Kind.VERSION, List.of(), true));
			}
		}
		return fields;
	}

	/** The field of {@code type} whose name matches {@code configured} in relaxed form ({@code created-at}, {@code createdat}). */
	static Optional<InternalField> find(EntityType type, String configured) {
		String wanted = relaxed(configured);
		return all(type).stream().filter((field) -> relaxed(field.name()).equals(wanted)).findFirst();
	}

	/** {@code name} without case, dashes or underscores, as Spring Boot's relaxed binding compares keys. */
	static String relaxed(String name) {
		return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	/** Whether the gateway manages the value (id, version, timestamps). */
	boolean system() {
		return this.kind == Kind.VERSION || this.name.equals(EntityType.ID) || this.name.equals(EntityType.CREATED_AT)
				|| this.name.equals(EntityType.UPDATED_AT);
	}

	/** The value of this field in {@code entity}, {@code null} when absent. */
	Object valueOf(Entity entity) {
		return (this.kind == Kind.VERSION) ? (Object) entity.version() : entity.value(this.name);
	}

	/**
	 * A value of this field from its text form (a configured default).
	 * @throws IllegalArgumentException if the text is not a value of this field
	 */
	Object parse(String text) {
		Object value = switch (this.kind) {
			case TEXT, ENUM -> text;
			case DECIMAL -> new BigDecimal(text);
			case TIMESTAMP -> Instant.parse(text);
			case ID -> UUID.fromString(text);
			case JSON -> JsonText.parse(text);
			case VERSION -> Long.valueOf(text);
		};
		if (this.kind == Kind.ENUM && !this.enumValues.contains(text)) {
			throw new IllegalArgumentException("'" + text + "' is not one of " + this.enumValues);
		}
		return value;
	}
}
