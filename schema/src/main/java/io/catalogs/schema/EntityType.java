package io.catalogs.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes one kind of business entity (customer, invoice, ...) so that catalogs store every kind
 * through the same generic code paths. A new entity type is a new instance of this class (see
 * {@link EntityTypes}), a domain record and its SDL; no catalog code is copied.
 *
 * <p>Every entity type has the system fields {@code id} ({@link FieldType#ID}), {@code createdAt}
 * and {@code updatedAt} ({@link FieldType#TIMESTAMP}); the version is not a field but part of
 * {@link Entity}. Attribute fields are those the client writes.
 */
public final class EntityType {

	/** The system field holding the gateway-assigned UUID. */
	public static final String ID = "id";

	/** The system field holding the creation time. */
	public static final String CREATED_AT = "createdAt";

	/** The system field holding the time of the last write. */
	public static final String UPDATED_AT = "updatedAt";

	private final String name;

	private final List<FieldDef> attributes;

	private final Map<String, FieldDef> fields;

	private EntityType(String name, List<FieldDef> attributes) {
		this.name = Objects.requireNonNull(name, "name");
		this.attributes = List.copyOf(attributes);
		Map<String, FieldDef> all = new LinkedHashMap<>();
		all.put(ID, FieldDef.system(ID, FieldType.ID));
		all.put(CREATED_AT, FieldDef.system(CREATED_AT, FieldType.TIMESTAMP));
		all.put(UPDATED_AT, FieldDef.system(UPDATED_AT, FieldType.TIMESTAMP));
		for (FieldDef attribute : this.attributes) {
			if (all.putIfAbsent(attribute.name(), attribute) != null) {
				throw new IllegalArgumentException("duplicate field " + attribute.name() + " in " + name);
			}
		}
		this.fields = Collections.unmodifiableMap(all);
	}

	/** Define an entity type from its lower-case name and its client-writable attribute fields. */
	public static EntityType of(String name, FieldDef... attributes) {
		return new EntityType(name, List.of(attributes));
	}

	/** The lower-case name, as used in configuration ({@code entity-types}) and capabilities. */
	public String name() {
		return this.name;
	}

	/** The client-writable fields, in declaration order. */
	public List<FieldDef> attributes() {
		return this.attributes;
	}

	/** The system fields followed by the attributes. */
	public List<FieldDef> fields() {
		return new ArrayList<>(this.fields.values());
	}

	/** The field of that name, if this type has one (system fields included). */
	public Optional<FieldDef> findField(String fieldName) {
		return Optional.ofNullable(this.fields.get(fieldName));
	}

	/**
	 * The field of that name.
	 * @throws IllegalArgumentException if this type has no such field
	 */
	public FieldDef field(String fieldName) {
		FieldDef field = this.fields.get(fieldName);
		if (field == null) {
			throw new IllegalArgumentException(this.name + " has no field " + fieldName);
		}
		return field;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EntityType that && this.name.equals(that.name);
	}

	@Override
	public int hashCode() {
		return this.name.hashCode();
	}

	@Override
	public String toString() {
		return this.name;
	}
}
