package io.catalogs.api;

/**
 * How an API catalog reads listings ({@code catalogs.instances.<name>.listing.*}). Vendors list in
 * their own order with their own cursors, so a listing reads every object matching the filters the
 * vendor can apply, then orders and pages in memory: {@code max-scan} bounds that work, and a
 * listing that would read more fails with a message asking for a filter.
 *
 * @param pageSize objects per vendor request (default 100, the most Stripe and HubSpot return)
 * @param maxScan the most objects one listing may read (default 1,000)
 */
public record ListingProperties(Integer pageSize, Integer maxScan) {

	public ListingProperties {
		pageSize = (pageSize != null) ? pageSize : 100;
		maxScan = (maxScan != null) ? maxScan : 1_000;
		if (pageSize < 1 || maxScan < 1) {
			throw new IllegalArgumentException("listing page-size and max-scan must be positive");
		}
	}

	/** The defaults above. */
	public static ListingProperties defaults() {
		return new ListingProperties(null, null);
	}
}
