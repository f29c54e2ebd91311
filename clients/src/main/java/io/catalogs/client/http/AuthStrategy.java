package io.catalogs.client.http;

import reactor.core.publisher.Mono;

/**
 * How a {@link VendorHttpClient} authenticates: it asks for the {@code Authorization} header value
 * before every attempt, and once per attempt after a 401 asks for a renewed one to retry with.
 * Implementations are thread-safe; they may call the network (a token endpoint) but never block.
 */
public interface AuthStrategy {

	/** The {@code Authorization} header value for the next request (for example {@code Bearer sk_...}). */
	Mono<String> authorization();

	/**
	 * Called when the vendor answered 401 to a request sent with {@code rejected}. Returns the header
	 * value to retry that request with once, or completes empty when this strategy has nothing newer
	 * (static credentials): the 401 then fails the call as {@link UnauthorizedClientException}.
	 * Concurrent calls rejected with the same value share one renewal.
	 */
	default Mono<String> renewAfterRejection(String rejected) {
		return Mono.empty();
	}

	/** A fixed bearer token: Stripe secret keys, HubSpot private-app tokens. */
	static AuthStrategy bearer(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("a token is required");
		}
		Mono<String> header = Mono.just("Bearer " + token);
		return () -> header;
	}
}
