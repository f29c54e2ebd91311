package io.catalogs.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings of one {@link VendorHttpClient}, produced by each vendor's settings record
 * from its configuration keys (which carry the vendor's defaults).
 *
 * @param baseUrl scheme, host and optional path prefix every request path is appended to
 * @param connectTimeout how long opening a connection may take
 * @param timeout how long one attempt (request sent, whole response read) may take; a slower
 *        attempt fails as retriable and is retried
 * @param rateLimit the vendor's request rate limit
 * @param retry retries of retriable failures
 * @param circuitBreaker the breaker of this client
 */
public record HttpSettings(URI baseUrl, Duration connectTimeout, Duration timeout, RateLimitSettings rateLimit,
		RetrySettings retry, CircuitBreakerSettings circuitBreaker) {

	public HttpSettings {
		Objects.requireNonNull(baseUrl, "base-url");
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
		Objects.requireNonNull(rateLimit, "rate-limit");
		retry = (retry != null) ? retry : RetrySettings.defaults();
		circuitBreaker = (circuitBreaker != null) ? circuitBreaker : CircuitBreakerSettings.defaults();
	}
}
