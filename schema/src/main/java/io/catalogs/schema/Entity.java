package io.catalogs.schema;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One business entity in its catalog-neutral form: what crosses the catalog SPI and the sync
 * pipeline. Attribute values have the Java types of their {@link FieldType}; an absent key and a
 * {@code null} value both mean "no value".
 *
 * <p>A deleted entity is a <em>tombstone</em>: it keeps its id and the version of the delete so that
 * an older change arriving late cannot bring it back.
 *
 * @param type what kind of entity this is
 * @param id the gateway-assigned id every catalog stores
 * @param version bumped by the primary on every write, starting at 1
 * @param createdAt when the entity was created (millisecond precision)
 * @param updatedAt when it was last written (millisecond precision)
 * @param deleted whether this is a tombstone
 * @param attributes the client-writable fields by name
 */
public record Entity(EntityType type, UUID id, long version, Instant createdAt, Instant updatedAt, boolean deleted,
		Map<String, Object> attributes) {

	public Entity {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
		createdAt = truncate(createdAt);
		updatedAt = truncate(updatedAt);
		// keeps null values out: absent and null mean the same, and Map.copyOf rejects nulls
		Map<String, Object> copy = new LinkedHashMap<>();
		attributes.forEach((key, value) -> {
			if (value != null) {
				copy.put(key, value);
			}
		});
		attributes = Collections.unmodifiableMap(copy);
	}

	/** A new entity at version 1, created and updated at {@code now}. */
	public static Entity create(EntityType type, UUID id, Instant now, Map<String, Object> attributes) {
		return new Entity(type, id, 1, now, now, false, attributes);
	}

	/** The value of a system field or attribute, {@code null} when absent. */
	public Object value(String field) {
		return switch (field) {
			case EntityType.ID -> this.id;
			case EntityType.CREATED_AT -> this.createdAt;
			case EntityType.UPDATED_AT -> this.updatedAt;
			default -> this.attributes.get(field);
		};
	}

	/** The value of an attribute cast to its type, {@code null} when absent. */
	@SuppressWarnings("unchecked")
	public <T> T get(String attribute) {
		return (T) this.attributes.get(attribute);
	}

	/** This entity with the given attribute changes applied, the version bumped and updated at {@code now}. */
	public Entity withChanges(Map<String, Object> changes, Instant now) {
		Map<String, Object> merged = new LinkedHashMap<>(this.attributes);
		changes.forEach((key, value) -> {
			if (value == null) {
				merged.remove(key);
			}
			else {
				merged.put(key, value);
			}
		});
		return new Entity(this.type, this.id, this.version + 1, this.createdAt, now, false, merged);
	}

	/** The tombstone of this entity: deleted, version bumped, updated at {@code now}. */
	public Entity toTombstone(Instant now) {
		return new Entity(this.type, this.id, this.version + 1, this.createdAt, now, true, this.attributes);
	}

	/**
	 * Timestamps are kept at millisecond precision, the finest that every store (BSON dates are
	 * milliseconds) round-trips without loss, so that copies compare equal across catalogs.
	 */
	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}
}
