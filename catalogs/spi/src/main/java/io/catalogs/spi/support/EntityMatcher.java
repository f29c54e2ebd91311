package io.catalogs.spi.support;

import io.catalogs.schema.Entity;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The contract's filter, order and window semantics evaluated in memory: the reference that
 * store-backed catalogs are tested against, and the implementation for catalogs that evaluate a
 * small candidate set themselves (such as an index lookup in a key-value store).
 */
public final class EntityMatcher {

	private EntityMatcher() {
	}

	/** Whether the entity meets every condition. */
	public static boolean matches(Entity entity, List<Condition> conditions) {
		return conditions.stream().allMatch(condition -> matches(entity, condition));
	}

	/** Whether the entity meets the condition; a missing value never does. */
	public static boolean matches(Entity entity, Condition condition) {
		Object value = entity.value(condition.field());
		if (value == null) {
			return false;
		}
		return switch (condition.operator()) {
			case EQ -> compare(value, condition.value()) == 0;
			case CONTAINS -> value.toString().toLowerCase(Locale.ROOT)
				.contains(condition.value().toString().toLowerCase(Locale.ROOT));
			case GT -> compare(value, condition.value()) > 0;
			case GTE -> compare(value, condition.value()) >= 0;
			case LT -> compare(value, condition.value()) < 0;
			case LTE -> compare(value, condition.value()) <= 0;
		};
	}

	/** The total order of {@code sort}: field (missing values first), then id text, both in its direction. */
	public static Comparator<Entity> comparator(Sort sort) {
		Comparator<Entity> ascending = (a, b) -> compareKeys(a.value(sort.field()), a.id().toString(),
				b.value(sort.field()), b.id().toString());
		return sort.descending() ? ascending.reversed() : ascending;
	}

	/** Whether the entity lies strictly after the cursor in the order of {@code sort}. */
	public static boolean isAfter(Entity entity, Cursor cursor, Sort sort) {
		int ascending = compareKeys(entity.value(sort.field()), entity.id().toString(), cursor.sortValue(),
				cursor.id().toString());
		return sort.descending() ? ascending < 0 : ascending > 0;
	}

	/** The window of {@code request} over candidates that may be unfiltered and unordered. */
	public static Page window(Stream<Entity> candidates, PageRequest request) {
		Sort sort = request.sort();
		Comparator<Entity> order = comparator(sort);
		List<Entity> inDirection = candidates.filter(entity -> !entity.deleted())
			.filter(entity -> matches(entity, request.conditions()))
			.filter(entity -> request.after() == null || isAfter(entity, request.after(), sort))
			.filter(entity -> request.before() == null || isAfter(entity, request.before(), sort.reversed()))
			.sorted(request.backward() ? order.reversed() : order)
			.limit(request.limit() + 1L)
			.toList();
		return Page.fromProbe(inDirection, request);
	}

	private static int compareKeys(Object value, String id, Object otherValue, String otherId) {
		int byValue;
		if (value == null || otherValue == null) {
			byValue = (value == null) ? ((otherValue == null) ? 0 : -1) : 1;
		}
		else {
			byValue = compare(value, otherValue);
		}
		return (byValue != 0) ? byValue : id.compareTo(otherId);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(Object value, Object other) {
		if (value instanceof java.util.UUID || other instanceof java.util.UUID) {
			return value.toString().compareTo(other.toString());
		}
		return ((Comparable) value).compareTo(other);
	}
}
