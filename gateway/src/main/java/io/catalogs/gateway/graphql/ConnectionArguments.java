package io.catalogs.gateway.graphql;

import io.catalogs.schema.EntityType;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.util.List;
import java.util.Optional;

/**
 * The Relay paging arguments of a connection field, turned into a {@link PageRequest}: {@code first}
 * (and {@code after}) reads forwards, {@code last} (and {@code before}) reads backwards from the end of
 * the range; neither means the first {@code default-page-size} items. Giving both {@code first} and
 * {@code last}, a negative size or one above {@code max-page-size}, or a cursor that is not one of
 * this listing (same entity type and order) is an {@link InvalidInputException}.
 *
 * @param first how many items from the start of the range, or {@code null}
 * @param after an end cursor of an earlier page, or {@code null}
 * @param last how many items from the end of the range, or {@code null}
 * @param before a start cursor of an earlier page, or {@code null}
 */
public record ConnectionArguments(Integer first, String after, Integer last, String before) {

	/** Forward-only arguments, as nested connections take them. */
	public static ConnectionArguments forward(Integer first, String after) {
		return new ConnectionArguments(first, after, null, null);
	}

	/**
	 * The request for these arguments, or empty when the window has size zero ({@code first: 0}), which
	 * needs no catalog call.
	 * @throws InvalidInputException if the arguments are invalid
	 */
	public Optional<PageRequest> toPageRequest(EntityType type, Sort sort, List<Condition> conditions,
			GraphQlPagingProperties paging) {
		if (this.first != null && this.last != null) {
			throw new InvalidInputException("last", "give first or last, not both");
		}
		checkSize("first", this.first, paging);
		checkSize("last", this.last, paging);
		Cursor afterCursor = decode("after", this.after, type, sort);
		Cursor beforeCursor = decode("before", this.before, type, sort);
		int size = (this.first != null) ? this.first : (this.last != null) ? this.last : paging.defaultPageSize();
		if (size == 0) {
			return Optional.empty();
		}
		return Optional.of(new PageRequest(conditions, sort, afterCursor, beforeCursor, size, this.last != null));
	}

	private static void checkSize(String name, Integer size, GraphQlPagingProperties paging) {
		if (size == null) {
			return;
		}
		if (size < 0) {
			throw new InvalidInputException(name, "must not be negative");
		}
		if (size > paging.maxPageSize()) {
			throw new InvalidInputException(name, "must be at most " + paging.maxPageSize());
		}
	}

	private static Cursor decode(String name, String cursor, EntityType type, Sort sort) {
		if (cursor == null) {
			return null;
		}
		try {
			return Cursor.decode(cursor, type, sort);
		}
		catch (IllegalArgumentException ex) {
			// Cursor's messages name no internals ("malformed cursor", "... another listing or order")
			throw new InvalidInputException(name, ex.getMessage());
		}
	}
}
