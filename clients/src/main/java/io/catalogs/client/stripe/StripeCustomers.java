package io.catalogs.client.stripe;

import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.http.NotFoundClientException;
import io.catalogs.client.http.Paging;
import io.catalogs.client.http.VendorHttpClient;
import io.catalogs.client.http.VendorRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

/**
 * Stripe customers. Errors are {@link io.catalogs.client.http.ClientException}s; a customer that
 * does not exist (or was deleted) reads as an empty result.
 */
public final class StripeCustomers {

	private static final ParameterizedTypeReference<StripeList<StripeCustomer>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<StripeSearchResult<StripeCustomer>> SEARCH = new ParameterizedTypeReference<>() {
	};

	private final VendorHttpClient http;

	StripeCustomers(VendorHttpClient http) {
		this.http = http;
	}

	/**
	 * Creates a customer. Sent with {@code key} as {@code Idempotency-Key}: repeating the call with
	 * the same key and fields (after a timeout, or a redelivered event within Stripe's 24 h key
	 * retention) returns the customer the first call created instead of a second one.
	 */
	public Mono<StripeCustomer> create(StripeCustomerParams params, IdempotencyKey key) {
		return this.http.exchange(VendorRequest.post("/v1/customers", params.form()).withIdempotencyKey(key),
				StripeCustomer.class);
	}

	/** The customer with {@code id}; empty when there is none or it was deleted. */
	public Mono<StripeCustomer> get(String id) {
		return this.http.exchange(VendorRequest.get("/v1/customers/" + VendorRequest.segment(id)), StripeCustomer.class)
			.filter((customer) -> !customer.deleted())
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/**
	 * The customer with {@code id} including the stub of a deleted one ({@link StripeCustomer#deleted()}
	 * set); empty when there never was one.
	 */
	public Mono<StripeCustomer> read(String id) {
		return this.http.exchange(VendorRequest.get("/v1/customers/" + VendorRequest.segment(id)), StripeCustomer.class)
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** Changes the given fields; errors with {@link NotFoundClientException} when the customer is gone. */
	public Mono<StripeCustomer> update(String id, StripeCustomerParams params) {
		return this.http.exchange(VendorRequest.post("/v1/customers/" + VendorRequest.segment(id), params.form()),
				StripeCustomer.class);
	}

	/** Deletes the customer; completes normally when it was already gone (deletes are repeatable). */
	public Mono<Void> delete(String id) {
		return this.http.exchange(VendorRequest.delete("/v1/customers/" + VendorRequest.segment(id)))
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** One page of customers, newest first, optionally only those with {@code email} (exact, case-sensitive). */
	public Mono<StripeList<StripeCustomer>> list(StripePageRequest page, String email) {
		VendorRequest request = VendorRequest.get("/v1/customers")
			.withQuery("limit", page.limit())
			.withQuery("starting_after", page.startingAfter())
			.withQuery("email", email);
		return this.http.exchange(request, LIST);
	}

	/** Every customer (optionally only those with {@code email}), page after page as they are consumed. */
	public Flux<StripeCustomer> all(String email, int pageSize) {
		StripePageRequest first = StripePageRequest.first(pageSize);
		return Paging.items(list(first, email),
				(page) -> page.nextStartingAfter().map((id) -> list(first.after(id), email)).orElse(Mono.empty()),
				StripeList::data);
	}

	/**
	 * The first customer whose metadata {@code key} equals {@code value}, through the Search API
	 * (eventually consistent: not for read-after-write; creates rely on the idempotency key instead).
	 */
	public Mono<StripeCustomer> findByMetadata(String key, String value) {
		String query = "metadata['" + escape(key) + "']:'" + escape(value) + "'";
		return this.http.exchange(VendorRequest.get("/v1/customers/search").withQuery("query", query).withQuery("limit", 1),
				SEARCH).flatMap((result) -> Mono.justOrEmpty(result.data().stream().findFirst()));
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("'", "\\'");
	}
}
