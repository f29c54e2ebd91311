package io.catalogs.postgres;

import io.catalogs.schema.FieldDef;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Writes the SQL of listings for any entity type: conditions as a {@code WHERE} clause, keyset
 * windows on (sort column, id) read {@code limit + 1} rows deep (the extra row only tells that more
 * exist), and grouped windows in one statement with {@code row_number()}. Requests are assumed to
 * have passed {@link io.catalogs.spi.CapabilityCheck}.
 *
 * <p>Order: missing values come first ascending and last descending, ties are broken by id in the
 * same direction, and text is compared by code point. A backward window reads the reversed order.
 */
final class ListingStatements {

	private static final String WINDOW_ROW = "window_row";

	private ListingStatements() {
	}

	/** One window of a listing, in the order the window is read (reversed when backward). */
	static BoundSql page(TableMapping table, PageRequest request) {
		BoundSql.Parameters parameters = new BoundSql.Parameters();
		String where = where(table, request, parameters);
		Sort readOrder = request.backward() ? request.sort().reversed() : request.sort();
		return parameters.toSql("SELECT * FROM " + table.table() + " WHERE " + where + " ORDER BY "
				+ orderBy(table, readOrder) + " LIMIT " + parameters.bind(request.limit() + 1));
	}

	/**
	 * The first window of {@code request} for each group value, all in one statement: rows come
	 * ordered by their place in their group's window.
	 */
	static BoundSql grouped(TableMapping table, String groupField, Collection<?> groupValues, PageRequest request) {
		BoundSql.Parameters parameters = new BoundSql.Parameters();
		FieldDef group = table.type().field(groupField);
		Object[] values = groupValues.stream()
			.filter(Objects::nonNull)
			.map(value -> table.toDatabase(group, value))
			.distinct()
			.toArray(size -> (Object[]) Array.newInstance(TableMapping.databaseType(group.type()), size));
		String column = table.column(groupField);
		String where = column + " = ANY(" + parameters.bind(values) + ") AND " + where(table, request, parameters);
		String rowNumber = "row_number() OVER (PARTITION BY " + column + " ORDER BY " + orderBy(table, request.sort())
				+ ")";
		return parameters.toSql("SELECT * FROM (SELECT *, " + rowNumber + " AS " + WINDOW_ROW + " FROM "
				+ table.table() + " WHERE " + where + ") windows WHERE " + WINDOW_ROW + " <= "
				+ parameters.bind(request.limit() + 1) + " ORDER BY " + WINDOW_ROW);
	}

	private static String where(TableMapping table, PageRequest request, BoundSql.Parameters parameters) {
		List<String> predicates = new ArrayList<>();
		predicates.add("NOT deleted");
		for (Condition condition : request.conditions()) {
			predicates.add(condition(table, condition, parameters));
		}
		if (request.after() != null) {
			predicates.add(after(table, request.sort(), request.after(), parameters));
		}
		if (request.before() != null) {
			// before a cursor = after it in the reversed order
			predicates.add(after(table, request.sort().reversed(), request.before(), parameters));
		}
		return String.join(" AND ", predicates);
	}

	/** The predicate of one condition; a missing value never matches ({@code NULL} comparisons are not true). */
	static String condition(TableMapping table, Condition condition, BoundSql.Parameters parameters) {
		FieldDef field = table.type().field(condition.field());
		String column = table.column(field.name());
		return switch (condition.operator()) {
			case CONTAINS -> column + " ILIKE " + parameters.bind("%" + escapeLike(condition.value().toString()) + "%");
			case EQ -> column + " = " + parameters.bind(table.toDatabase(field, condition.value()));
			case GT -> table.sortKey(field.name()) + " > " + parameters.bind(table.toDatabase(field, condition.value()));
			case GTE -> table.sortKey(field.name()) + " >= " + parameters.bind(table.toDatabase(field, condition.value()));
			case LT -> table.sortKey(field.name()) + " < " + parameters.bind(table.toDatabase(field, condition.value()));
			case LTE -> table.sortKey(field.name()) + " <= " + parameters.bind(table.toDatabase(field, condition.value()));
		};
	}

	/**
	 * The rows strictly after {@code cursor} in {@code sort}: a row comparison on (value, id), which
	 * the index serves as a range, with the missing values of an optional field placed explicitly
	 * (SQL comparisons with {@code NULL} are never true).
	 */
	static String after(TableMapping table, Sort sort, Cursor cursor, BoundSql.Parameters parameters) {
		FieldDef field = table.type().field(sort.field());
		String column = table.column(sort.field());
		String id = parameters.bind(cursor.id());
		if (cursor.sortValue() == null) {
			// the cursor lies among the missing values: the first ones ascending, the last ones descending
			return sort.descending() ? "(" + column + " IS NULL AND id < " + id + ")"
					: "(" + column + " IS NOT NULL OR id > " + id + ")";
		}
		String key = table.sortKey(sort.field());
		String value = parameters.bind(table.toDatabase(field, cursor.sortValue()));
		if (!sort.descending()) {
			return "(" + key + ", id) > (" + value + ", " + id + ")";
		}
		String before = "(" + key + ", id) < (" + value + ", " + id + ")";
		// live rows always hold a required field, and without the OR the comparison stays an index range
		return field.required() ? before : "(" + before + " OR " + column + " IS NULL)";
	}

	/** The total order of {@code sort}, as the indexes ({@code column NULLS FIRST, id}) read it either way. */
	static String orderBy(TableMapping table, Sort sort) {
		String key = table.sortKey(sort.field());
		return sort.descending() ? key + " DESC NULLS LAST, id DESC" : key + " ASC NULLS FIRST, id ASC";
	}

	/** Text matched literally inside a {@code LIKE} pattern: the wildcards and the escape character escaped. */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
