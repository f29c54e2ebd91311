package io.catalogs.client.stripe;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a Stripe list ({@code GET /v1/customers}, {@code GET /v1/invoices}), newest first.
 *
 * @param data the objects of the page
 * @param hasMore whether a page follows
 */
public record StripeList<T extends StripeObject>(List<T> data, @JsonProperty("has_more") boolean hasMore) {

	public StripeList {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

	/** The {@code starting_after} cursor of the next page: the last object's id, if a page follows. */
	public Optional<String> nextStartingAfter() {
		return (this.hasMore && !this.data.isEmpty()) ? Optional.of(this.data.get(this.data.size() - 1).id())
				: Optional.empty();
	}
}
