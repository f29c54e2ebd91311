package io.catalogs.schema;

import java.util.List;
import java.util.Objects;

/**
 * One field of an {@link EntityType}: its name (as in the GraphQL schema), its kind, whether a value
 * is required, and for {@link FieldType#ENUM} the allowed names.
 *
 * @param name the field name, camel-case as in the SDL
 * @param type the value kind
 * @param required whether every stored entity has a non-null value
 * @param system whether the gateway or catalog manages the value ({@code id}, {@code version},
 * timestamps) rather than the client
 * @param enumValues the allowed names for an enum field, empty otherwise
 */
public record FieldDef(String name, FieldType type, boolean required, boolean system, List<String> enumValues) {

	public FieldDef {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		enumValues = List.copyOf(enumValues);
	}

	/** A required client-writable field. */
	public static FieldDef required(String name, FieldType type) {
		return new FieldDef(name, type, true, false, List.of());
	}

	/** An optional client-writable field. */
	public static FieldDef optional(String name, FieldType type) {
		return new FieldDef(name, type, false, false, List.of());
	}

	/** A required enum field with its allowed names. */
	public static FieldDef requiredEnum(String name, List<String> values) {
		return new FieldDef(name, FieldType.ENUM, true, false, values);
	}

	/** A field managed by the gateway or catalog, never written by clients. */
	public static FieldDef system(String name, FieldType type) {
		return new FieldDef(name, type, true, true, List.of());
	}
}
