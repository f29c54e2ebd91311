package io.catalogs.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window of a filtered, sorted listing, as Relay connections ask for it: forwards ({@code first}
 * items after a cursor, or from the start) or backwards ({@code last} items before a cursor, or
 * from the end). Both cursors may be given; the window then lies between them.
 *
 * @param conditions all must hold (an empty list matches everything)
 * @param sort the order of the listing
 * @param after only entities after this position, or {@code null}
 * @param before only entities before this position, or {@code null}
 * @param limit how many entities at most, at least 1
 * @param backward whether the window is the last {@code limit} entities of the range rather than the first
 */
public record PageRequest(List<Condition> conditions, Sort sort, Cursor after, Cursor before, int limit,
		boolean backward) {

	public PageRequest {
		conditions = List.copyOf(conditions);
		Objects.requireNonNull(sort, "sort");
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
	}

	/** The first {@code limit} entities in the default order. */
	public static PageRequest first(int limit) {
		return new PageRequest(List.of(), Sort.DEFAULT, null, null, limit, false);
	}

	public PageRequest where(Condition... more) {
		List<Condition> all = new ArrayList<>(this.conditions);
		all.addAll(List.of(more));
		return new PageRequest(all, this.sort, this.after, this.before, this.limit, this.backward);
	}

	public PageRequest sortedBy(Sort newSort) {
		return new PageRequest(this.conditions, newSort, this.after, this.before, this.limit, this.backward);
	}

	public PageRequest after(Cursor cursor) {
		return new PageRequest(this.conditions, this.sort, cursor, this.before, this.limit, this.backward);
	}

	public PageRequest before(Cursor cursor) {
		return new PageRequest(this.conditions, this.sort, this.after, cursor, this.limit, this.backward);
	}

	/** The same range read from its end: the last {@code limit} entities. */
	public PageRequest fromEnd() {
		return new PageRequest(this.conditions, this.sort, this.after, this.before, this.limit, true);
	}
}
