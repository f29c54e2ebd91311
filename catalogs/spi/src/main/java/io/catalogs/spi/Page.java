package io.catalogs.spi;

import io.catalogs.schema.Entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One window of a listing, always in the listing's order (also when it was read backwards).
 *
 * @param items the entities in the window, possibly empty
 * @param hasPrevious whether entities of the listing precede the window within the requested range
 * (after {@code after} when given); when read forwards from a cursor this is {@code true} (the
 * cursor's entity precedes it), from the start {@code false}
 * @param hasNext whether entities of the listing follow the window within the requested range
 * (up to {@code before} when given); when read backwards from a cursor this is {@code true}, from
 * the end {@code false}
 */
public record Page(List<Entity> items, boolean hasPrevious, boolean hasNext) {

	public Page {
		items = List.copyOf(items);
	}

	/** An empty window with nothing before or after it. */
	public static Page empty() {
		return new Page(List.of(), false, false);
	}

	/**
	 * The window for {@code request} from up to {@code limit + 1} entities read in the direction of
	 * the request (reversed order when backward): the extra one only tells that more exist.
	 */
	public static Page fromProbe(List<Entity> readInDirection, PageRequest request) {
		boolean more = readInDirection.size() > request.limit();
		List<Entity> window = more ? readInDirection.subList(0, request.limit()) : readInDirection;
		if (request.backward()) {
			List<Entity> ordered = new ArrayList<>(window);
			Collections.reverse(ordered);
			return new Page(ordered, more, request.before() != null);
		}
		return new Page(window, request.after() != null, more);
	}
}
