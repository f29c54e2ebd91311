package io.catalogs.client.stripe;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a Stripe search ({@code GET /v1/customers/search}). Search is eventually consistent:
 * an object written less than about a minute ago may be missing.
 *
 * @param data the objects found
 * @param hasMore whether a page follows
 * @param nextPage the {@code page} cursor of the next page, or {@code null}
 */
public record StripeSearchResult<T extends StripeObject>(List<T> data, @JsonProperty("has_more") boolean hasMore,
		@JsonProperty("next_page") String nextPage) {

	public StripeSearchResult {
		data = (data != null) ? List.copyOf(data) : List.of();
	}
}
