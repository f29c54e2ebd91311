package io.catalogs.mongo;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Operator;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import static io.catalogs.mongo.MongoDocumentMapper.DELETED;
import static io.catalogs.mongo.MongoDocumentMapper.ID;

/**
 * Translates listing requests into MongoDB filters and sort specifications, so that filtering,
 * ordering and keyset paging all happen in the server. Follows the order of {@link Sort}: the sort
 * field, then {@code _id} (the id's text) in the same direction, with missing values first in
 * ascending order, which is also how MongoDB sorts a missing field.
 */
final class MongoQueryTranslator {

	private static final List<Operator> RANGE = List.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);

	private MongoQueryTranslator() {
	}

	/**
	 * What the translator can serve for these types: equality, range filters and ordering on every
	 * field except JSON ones, CONTAINS on text fields, and backward paging.
	 */
	static Set<Capability> capabilities(Collection<EntityType> types) {
		Set<Capability> capabilities = new LinkedHashSet<>();
		for (EntityType type : types) {
			for (FieldDef field : type.fields()) {
				if (field.type() == FieldType.JSON) {
					continue;
				}
				capabilities.add(Capability.filter(type, field.name(), Operator.EQ));
				if (field.type() == FieldType.STRING) {
					capabilities.add(Capability.filter(type, field.name(), Operator.CONTAINS));
				}
				RANGE.forEach(operator -> capabilities.add(Capability.filter(type, field.name(), operator)));
				capabilities.add(Capability.sort(type, field.name()));
			}
		}
		capabilities.add(Capability.BACKWARD_PAGING);
		return capabilities;
	}

	/** How many entities to read for a window of {@code request}: one more than its limit tells whether more exist. */
	static int probeSize(PageRequest request) {
		return (int) Math.min(request.limit() + 1L, Integer.MAX_VALUE);
	}

	/** The filter of a live entity by id. */
	static Bson live(Object id) {
		return Filters.and(Filters.eq(ID, id.toString()), Filters.eq(DELETED, false));
	}

	/** The filter of {@code request}: live entities that meet its conditions and lie between its cursors. */
	static Bson filter(EntityType type, PageRequest request) {
		List<Bson> parts = new ArrayList<>();
		parts.add(Filters.eq(DELETED, false));
		for (Condition condition : request.conditions()) {
			parts.add(condition(type, condition));
		}
		if (request.after() != null) {
			parts.add(after(type, request.after(), request.sort()));
		}
		if (request.before() != null) {
			parts.add(after(type, request.before(), request.sort().reversed()));
		}
		return Filters.and(parts);
	}

	/**
	 * The order to read {@code request} in: its sort (reversed when it reads backwards) then {@code _id}
	 * in the same direction, preceded by the {@code leading} fields ascending.
	 */
	static Bson sort(PageRequest request, String... leading) {
		Sort sort = request.backward() ? request.sort().reversed() : request.sort();
		int direction = sort.descending() ? -1 : 1;
		Document order = new Document();
		for (String field : leading) {
			order.append(field, 1);
		}
		order.putIfAbsent(MongoDocumentMapper.storedName(sort.field()), direction);
		order.putIfAbsent(ID, direction);
		return order;
	}

	static Bson condition(EntityType type, Condition condition) {
		FieldType fieldType = type.field(condition.field()).type();
		String field = MongoDocumentMapper.storedName(condition.field());
		Operator operator = condition.operator();
		Object value = condition.value();
		if (fieldType == FieldType.TIMESTAMP && value instanceof Instant instant
				&& instant.getNano() % 1_000_000 != 0) {
			// stored dates are whole milliseconds: compare with the millisecond below a finer bound
			Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
			return switch (operator) {
				case EQ -> Filters.in(ID, List.of());
				case GT, GTE -> Filters.gt(field, MongoDocumentMapper.toBson(fieldType, millis));
				case LT, LTE -> Filters.lte(field, MongoDocumentMapper.toBson(fieldType, millis));
				case CONTAINS -> throw new IllegalArgumentException("CONTAINS needs a text field");
			};
		}
		if (operator == Operator.CONTAINS) {
			return Filters.regex(field, Pattern.quote(value.toString()), "i");
		}
		Object bson = MongoDocumentMapper.toBson(fieldType, value);
		return switch (operator) {
			case EQ -> Filters.eq(field, bson);
			case GT -> Filters.gt(field, bson);
			case GTE -> Filters.gte(field, bson);
			case LT -> Filters.lt(field, bson);
			case LTE -> Filters.lte(field, bson);
			case CONTAINS -> throw new IllegalStateException();
		};
	}

	/** Entities strictly after {@code cursor} in the order of {@code sort}. */
	static Bson after(EntityType type, Cursor cursor, Sort sort) {
		String id = cursor.id().toString();
		if (sort.field().equals(EntityType.ID)) {
			return sort.descending() ? Filters.lt(ID, id) : Filters.gt(ID, id);
		}
		String field = MongoDocumentMapper.storedName(sort.field());
		Object value = MongoDocumentMapper.toBson(type.field(sort.field()).type(), cursor.sortValue());
		if (!sort.descending()) {
			if (value == null) {
				// missing values come first: everything with a value, and missing ones of a greater id
				return Filters.or(Filters.ne(field, null),
						Filters.and(Filters.eq(field, null), Filters.gt(ID, id)));
			}
			return Filters.or(Filters.gt(field, value),
					Filters.and(Filters.eq(field, value), Filters.gt(ID, id)));
		}
		if (value == null) {
			// missing values come last: only missing ones of a smaller id
			return Filters.and(Filters.eq(field, null), Filters.lt(ID, id));
		}
		return Filters.or(Filters.lt(field, value), Filters.eq(field, null),
				Filters.and(Filters.eq(field, value), Filters.lt(ID, id)));
	}
}
