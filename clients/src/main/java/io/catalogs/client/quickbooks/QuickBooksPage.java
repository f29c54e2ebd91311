package io.catalogs.client.quickbooks;

import java.util.List;
import java.util.Optional;

/**
 * One page of a QuickBooks query ({@code ... STARTPOSITION s MAXRESULTS m}).
 *
 * @param items the entities of the page
 * @param startPosition the 1-based position of the first
 * @param maxResults the page size that was asked for
 */
public record QuickBooksPage<T>(List<T> items, int startPosition, int maxResults) {

	public QuickBooksPage {
		items = List.copyOf(items);
	}

	/** The start position of the next page: QuickBooks has no cursor, a full page means there may be more. */
	public Optional<Integer> nextStartPosition() {
		return (this.items.size() < this.maxResults) ? Optional.empty() : Optional.of(this.startPosition + this.items.size());
	}
}
