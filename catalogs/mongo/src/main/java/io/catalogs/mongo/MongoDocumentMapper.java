package io.catalogs.mongo;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Converts entities to MongoDB documents and back, and field values to their BSON form: the one
 * place that knows the stored layout. A document holds {@code _id} (the id's canonical text, so id
 * order is text order), the attributes by their camel-case names (absent values are left out, never
 * stored as {@code null}), then {@code version} (int64), {@code createdAt} and {@code updatedAt}
 * (BSON dates) and {@code deleted} (the tombstone flag).
 *
 * <p>Values by {@link FieldType}: {@code STRING} and {@code ENUM} as strings, {@code ID} as the
 * UUID's canonical text, {@code TIMESTAMP} as a BSON date (milliseconds), {@code DECIMAL} as
 * Decimal128 (exact, compared and sorted numerically; at most 34 significant digits), {@code JSON}
 * as a sub-document whose decimals are Decimal128 and whose {@link BigInteger}s are stored as int64
 * when they fit and as Decimal128 otherwise (read back as {@link BigDecimal}).
 */
final class MongoDocumentMapper {

	static final String ID = "_id";

	static final String VERSION = "version";

	static final String DELETED = "deleted";

	private MongoDocumentMapper() {
	}

	/** The document name of a field of an entity type. */
	static String storedName(String field) {
		return EntityType.ID.equals(field) ? ID : field;
	}

	/** The stored document of an entity, tombstones included. */
	static Document toDocument(Entity entity) {
		Document document = new Document(ID, entity.id().toString());
		for (FieldDef attribute : entity.type().attributes()) {
			Object value = entity.attributes().get(attribute.name());
			if (value != null) {
				document.append(attribute.name(), toBson(attribute.type(), value));
			}
		}
		return document.append(VERSION, entity.version())
			.append(EntityType.CREATED_AT, toBson(FieldType.TIMESTAMP, entity.createdAt()))
			.append(EntityType.UPDATED_AT, toBson(FieldType.TIMESTAMP, entity.updatedAt()))
			.append(DELETED, entity.deleted());
	}

	/** The entity stored in {@code document}; fields the type does not know are ignored. */
	static Entity toEntity(EntityType type, Document document) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (FieldDef attribute : type.attributes()) {
			Object value = document.get(attribute.name());
			if (value != null) {
				attributes.put(attribute.name(), fromBson(attribute.type(), value));
			}
		}
		UUID id = UUID.fromString(document.get(ID).toString());
		long version = ((Number) document.get(VERSION)).longValue();
		Instant createdAt = (Instant) fromBson(FieldType.TIMESTAMP, document.get(EntityType.CREATED_AT));
		Instant updatedAt = (Instant) fromBson(FieldType.TIMESTAMP, document.get(EntityType.UPDATED_AT));
		boolean deleted = Boolean.TRUE.equals(document.get(DELETED));
		return new Entity(type, id, version, createdAt, updatedAt, deleted, attributes);
	}

	/**
	 * The BSON form of a value of {@code type}; {@code null} stays {@code null}.
	 * @throws IllegalArgumentException if the value does not have the type's Java type or cannot be stored
	 */
	static Object toBson(FieldType type, Object value) {
		if (value == null) {
			return null;
		}
		try {
			return switch (type) {
				case STRING, ENUM -> (String) value;
				case ID -> ((UUID) value).toString();
				case TIMESTAMP -> Date.from((Instant) value);
				case DECIMAL -> decimal((BigDecimal) value);
				case JSON -> jsonToBson(value);
			};
		}
		catch (ClassCastException ex) {
			throw new IllegalArgumentException("not a " + type + " value: " + value.getClass().getName());
		}
	}

	/** The Java value of a stored BSON value of {@code type}; {@code null} stays {@code null}. */
	static Object fromBson(FieldType type, Object value) {
		if (value == null) {
			return null;
		}
		return switch (type) {
			case STRING, ENUM -> value.toString();
			case ID -> UUID.fromString(value.toString());
			case TIMESTAMP -> ((Date) value).toInstant();
			case DECIMAL -> (value instanceof Decimal128 decimal) ? decimal.bigDecimalValue()
					: new BigDecimal(value.toString());
			case JSON -> jsonFromBson(value);
		};
	}

	private static Decimal128 decimal(BigDecimal value) {
		try {
			return new Decimal128(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("decimal out of Decimal128 range: " + value.toPlainString());
		}
	}

	private static Object jsonToBson(Object value) {
		if (value instanceof Map<?, ?> map) {
			Document document = new Document();
			map.forEach((key, nested) -> document.append(String.valueOf(key), jsonToBson(nested)));
			return document;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			collection.forEach(nested -> list.add(jsonToBson(nested)));
			return list;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal(decimal);
		}
		if (value instanceof BigInteger integer) {
			return (integer.bitLength() < Long.SIZE) ? (Object) integer.longValue() : decimal(new BigDecimal(integer));
		}
		return value;
	}

	private static Object jsonFromBson(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((key, nested) -> result.put(key.toString(), jsonFromBson(nested)));
			return result;
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			collection.forEach(nested -> list.add(jsonFromBson(nested)));
			return list;
		}
		if (value instanceof Decimal128 decimal) {
			return decimal.bigDecimalValue();
		}
		return value;
	}
}
