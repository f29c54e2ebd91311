package io.catalogs.client.stripe;

/**
 * Which page of a Stripe list to read.
 *
 * @param limit objects per page, 1 to 100
 * @param startingAfter the id after which the page starts, or {@code null} for the first page
 */
public record StripePageRequest(int limit, String startingAfter) {

	public StripePageRequest {
		if (limit < 1 || limit > 100) {
			throw new IllegalArgumentException("Stripe pages hold 1 to 100 objects");
		}
	}

	/** The first page of {@code limit} objects. */
	public static StripePageRequest first(int limit) {
		return new StripePageRequest(limit, null);
	}

	/** The page after {@code page}, if one follows. */
	public StripePageRequest after(String id) {
		return new StripePageRequest(this.limit, id);
	}
}
