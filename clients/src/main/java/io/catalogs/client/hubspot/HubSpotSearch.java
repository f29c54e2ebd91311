package io.catalogs.client.hubspot;

import java.util.List;

/**
 * One page request of the CRM search API: filter groups (an object matches when it meets every
 * filter of at least one group; HubSpot allows 5 groups of up to 6 filters, 18 filters in all), an
 * optional sort, a page size (at most 200) and the {@code after} cursor of the page. HubSpot's
 * search index lags behind writes by a few seconds and answers at most 10,000 results per query.
 *
 * @param filterGroups groups of filters, OR between groups and AND within one; empty: every contact
 * @param sorts at most one sort (none: HubSpot's order)
 * @param limit the page size
 * @param after the cursor of the page, {@code null} for the first
 */
public record HubSpotSearch(List<List<HubSpotFilter>> filterGroups, List<HubSpotSort> sorts, int limit, String after) {

	/** HubSpot's limit on the results of one query: paging stops there (a further page is a 400). */
	public static final int MAX_RESULTS = 10_000;

	public HubSpotSearch {
		filterGroups = (filterGroups != null) ? filterGroups.stream().map(List::copyOf).toList() : List.of();
		sorts = (sorts != null) ? List.copyOf(sorts) : List.of();
		if (filterGroups.size() > 5 || filterGroups.stream().mapToInt(List::size).sum() > 18
				|| filterGroups.stream().anyMatch((group) -> group.isEmpty() || group.size() > 6)) {
			throw new IllegalArgumentException("HubSpot takes up to 5 filter groups of 1 to 6 filters, 18 in all");
		}
		if (sorts.size() > 1) {
			throw new IllegalArgumentException("HubSpot applies one sort per search");
		}
		if (limit < 1 || limit > 200) {
			throw new IllegalArgumentException("limit must be 1 to 200, not " + limit);
		}
	}

	/** The first page of contacts meeting every one of {@code filters} (one group), in HubSpot's order. */
	public static HubSpotSearch where(List<HubSpotFilter> filters, int limit) {
		return new HubSpotSearch(filters.isEmpty() ? List.of() : List.of(filters), List.of(), limit, null);
	}

	/** This search ordered by {@code sort}. */
	public HubSpotSearch sortedBy(HubSpotSort sort) {
		return new HubSpotSearch(this.filterGroups, List.of(sort), this.limit, this.after);
	}

	/** The page of this search after cursor {@code after} ({@code null}: the first). */
	public HubSpotSearch after(String after) {
		return new HubSpotSearch(this.filterGroups, this.sorts, this.limit, after);
	}
}
