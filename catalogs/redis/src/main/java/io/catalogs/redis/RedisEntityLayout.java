package io.catalogs.redis;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where and how the entities of one {@link EntityType} live in Redis, derived from the type alone so
 * that every type gets the same layout under the key prefix {@code p}:
 * <ul>
 * <li>{@code p:type:id} a hash per entity: every attribute as text ({@link RedisValueCodec}), plus
 * {@code _version}, {@code _createdAt} and {@code _updatedAt} (epoch millis), {@code _deleted}
 * ({@code 1} for a tombstone) and {@code _ix}, the index entries the entity occupies per field (JSON),
 * so that the next write removes exactly those, whatever the codecs did when they were written;</li>
 * <li>{@code p:type:sort:field} a sort index per timestamp and decimal field (system timestamps
 * included): a sorted set with every score 0, read with {@code ZRANGEBYLEX}, whose members are
 * {@code "=" + sortKey(value) + "\0" + id}, or {@code "\0" + id} without a value, so that member
 * order is the contract's order: missing values first, then by value, ties by id text;</li>
 * <li>{@code p:type:eq:field:value} a partition per value of every text, enum and id attribute:
 * the same kind of sorted set holding the members of the {@code createdAt} index of the entities
 * with that value, which serves equality filters, in the default order, without a scan.</li>
 * </ul>
 * Tombstones keep their hash (with the version of the delete) and occupy no index.
 */
final class RedisEntityLayout {

	static final String VERSION = "_version";

	static final String CREATED_AT = "_createdAt";

	static final String UPDATED_AT = "_updatedAt";

	static final String DELETED = "_deleted";

	private static final int ID_LENGTH = 36;

	private final EntityType type;

	private final String keyBase;

	private final List<FieldDef> sortFields;

	private final List<FieldDef> partitionFields;

	private RedisEntityLayout(EntityType type, String prefix) {
		this.type = type;
		this.keyBase = prefix + ":" + type.name() + ":";
		this.sortFields = type.fields().stream().filter(field -> RedisValueCodec.sortable(field.type())).toList();
		this.partitionFields = type.attributes().stream().filter(RedisEntityLayout::partitioned).toList();
	}

	/** The layout of {@code type} under the key prefix. */
	static RedisEntityLayout of(EntityType type, String prefix) {
		return new RedisEntityLayout(type, prefix);
	}

	private static boolean partitioned(FieldDef field) {
		return field.type() == FieldType.STRING || field.type() == FieldType.ENUM || field.type() == FieldType.ID;
	}

	EntityType type() {
		return this.type;
	}

	/** The fields with a sort index, in declaration order. */
	List<FieldDef> sortFields() {
		return this.sortFields;
	}

	/** The fields with a partition per value, in declaration order. */
	List<FieldDef> partitionFields() {
		return this.partitionFields;
	}

	boolean hasSortIndex(String field) {
		return this.sortFields.stream().anyMatch(def -> def.name().equals(field));
	}

	boolean hasPartitions(String field) {
		return this.partitionFields.stream().anyMatch(def -> def.name().equals(field));
	}

	/** The key of the hash holding the entity with that id. */
	String hashKey(UUID id) {
		return this.keyBase + id;
	}

	/** The prefix that the id of an entity completes to its hash key. */
	String hashKeyPrefix() {
		return this.keyBase;
	}

	String sortIndexKey(String field) {
		return this.keyBase + "sort:" + field;
	}

	/** The key of the partition of {@code field} for that (non-null) value. */
	String partitionKey(String field, Object value) {
		return this.keyBase + "eq:" + field + ":" + RedisValueCodec.toText(this.type.field(field).type(), value);
	}

	/** The member standing for an entity with that value (or none) of {@code field} in a sorted index. */
	String member(String field, Object value, UUID id) {
		return memberPrefix(field, value) + "\0" + id;
	}

	/** The start of every member for that value; {@code "="} and the sort key, or empty for no value. */
	String memberPrefix(String field, Object value) {
		return (value == null) ? "" : "=" + RedisValueCodec.sortKey(this.type.field(field).type(), value);
	}

	/** The id at the end of an index member. */
	static UUID idOf(String member) {
		return UUID.fromString(member.substring(member.length() - ID_LENGTH));
	}

	/**
	 * The index entries that {@code entity} occupies, per field, as key and member pairs (none for a
	 * tombstone).
	 */
	Map<String, List<String>> indexEntries(Entity entity) {
		Map<String, List<String>> entries = new LinkedHashMap<>();
		if (entity.deleted()) {
			return entries;
		}
		String byCreation = member(EntityType.CREATED_AT, entity.createdAt(), entity.id());
		for (FieldDef field : this.type.fields()) {
			if (isIndexed(field.name())) {
				entries.put(field.name(), fieldEntries(field.name(), entity.value(field.name()), entity.id(), byCreation));
			}
		}
		return entries;
	}

	/** Whether the value of {@code field} decides index entries. */
	boolean isIndexed(String field) {
		return hasSortIndex(field) || hasPartitions(field);
	}

	/**
	 * The index entries of one value of {@code field} (or none), as key and member pairs: its sort
	 * index member, and its partition with {@code byCreation} as member, which may be empty to stand
	 * for the entity's {@code createdAt} member when the writer does not know it.
	 */
	List<String> fieldEntries(String field, Object value, UUID id, String byCreation) {
		List<String> entries = new ArrayList<>();
		if (hasSortIndex(field)) {
			entries.add(sortIndexKey(field));
			entries.add(member(field, value, id));
		}
		if (hasPartitions(field) && value != null) {
			entries.add(partitionKey(field, value));
			entries.add(byCreation);
		}
		return entries;
	}

	/** The hash fields of {@code entity} with their text. */
	Map<String, String> hashFields(Entity entity) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(VERSION, Long.toString(entity.version()));
		fields.put(CREATED_AT, Long.toString(entity.createdAt().toEpochMilli()));
		fields.put(UPDATED_AT, Long.toString(entity.updatedAt().toEpochMilli()));
		fields.put(DELETED, entity.deleted() ? "1" : "0");
		for (FieldDef field : this.type.attributes()) {
			Object value = entity.get(field.name());
			if (value != null) {
				fields.put(field.name(), text(field, value));
			}
		}
		return fields;
	}

	/**
	 * The hash text of a value of an attribute.
	 * @throws IllegalArgumentException if the field is no attribute of the type or the value not of its Java type
	 */
	String attributeText(String field, Object value) {
		return text(attribute(field), value);
	}

	/**
	 * The client-writable field of that name.
	 * @throws IllegalArgumentException if the type has no such field or it is a system field
	 */
	FieldDef attribute(String field) {
		FieldDef def = this.type.field(field);
		if (def.system()) {
			throw new IllegalArgumentException(field + " of " + this.type + " is not writable");
		}
		return def;
	}

	private String text(FieldDef field, Object value) {
		if (!field.type().javaType().isInstance(value)) {
			throw new IllegalArgumentException("not a " + field.type() + " value for " + this.type + "." + field.name()
					+ ": " + value.getClass().getSimpleName());
		}
		return RedisValueCodec.toText(field.type(), value);
	}

	/** The entity (live or tombstone) stored in that hash, or {@code null} when the hash is empty. */
	Entity fromHash(UUID id, Map<String, String> hash) {
		String version = hash.get(VERSION);
		if (version == null) {
			return null;
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (FieldDef field : this.type.attributes()) {
			String text = hash.get(field.name());
			if (text != null) {
				attributes.put(field.name(), RedisValueCodec.fromText(field.type(), text));
			}
		}
		return new Entity(this.type, id, Long.parseLong(version), millis(hash.get(CREATED_AT)),
				millis(hash.get(UPDATED_AT)), "1".equals(hash.get(DELETED)), attributes);
	}

	/** The entity from a flat {@code HGETALL} reply, or {@code null} when it is empty. */
	Entity fromFlatHash(UUID id, List<?> flat) {
		Map<String, String> hash = new LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			hash.put((String) flat.get(i), (String) flat.get(i + 1));
		}
		return fromHash(id, hash);
	}

	private static Instant millis(String text) {
		return Instant.ofEpochMilli(Long.parseLong(text));
	}
}
