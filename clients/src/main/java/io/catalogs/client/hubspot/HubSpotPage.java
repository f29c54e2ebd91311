package io.catalogs.client.hubspot;

import java.util.List;
import java.util.Optional;

/**
 * One page of a HubSpot listing or search.
 *
 * @param results the contacts of the page
 * @param paging the cursor of the next page, absent on the last page
 */
public record HubSpotPage(List<HubSpotContact> results, Paging paging) {

	public HubSpotPage {
		results = (results != null) ? List.copyOf(results) : List.of();
	}

	/** The {@code after} cursor of the next page, if one follows. */
	public Optional<String> nextAfter() {
		return Optional.ofNullable(this.paging).map(Paging::next).map(Next::after);
	}

	/** HubSpot's {@code paging} object. */
	public record Paging(Next next) {
	}

	/** HubSpot's {@code paging.next} object. */
	public record Next(String after) {
	}
}
