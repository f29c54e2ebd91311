package io.catalogs.client.http;

import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a vendor's page-by-page listing into one {@link Flux} of items: each vendor supplies how to
 * fetch the page after a page (Stripe {@code starting_after}, HubSpot {@code after}, Salesforce
 * {@code nextRecordsUrl}, QuickBooks {@code STARTPOSITION}). Pages are fetched lazily, one at a
 * time, as the subscriber requests items; cancelling stops fetching.
 */
public final class Paging {

	private Paging() {
	}

	/**
	 * All items of {@code first} and the pages after it.
	 *
	 * @param first the first page
	 * @param next the page after a page, or an empty Mono after the last page
	 * @param items the items of a page
	 */
	public static <P, T> Flux<T> items(Mono<P> first, Function<P, Mono<P>> next, Function<P, List<T>> items) {
		return first.expand(next, 1).concatMapIterable(items, 1);
	}
}
