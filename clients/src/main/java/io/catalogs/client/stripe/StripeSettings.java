package io.catalogs.client.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.HttpSettings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;

/**
 * Configuration of one Stripe client (bound from {@code catalogs.instances.<name>} by the catalog
 * that uses it; kebab-case keys as below).
 *
 * @param baseUrl {@code base-url}, default {@code https://api.stripe.com}
 * @param apiKey {@code api-key}: a secret ({@code sk_...}) or restricted ({@code rk_...}) key, required
 * @param apiVersion {@code api-version}: the {@code Stripe-Version} sent with every request, default
 *        {@code 2023-08-16} (the version of the OpenAPI file the client is tested against)
 * @param connectTimeout {@code connect-timeout}, default 5 s
 * @param timeout {@code timeout} of one attempt, default 30 s
 * @param rateLimit {@code rate-limit.*}: default Stripe's documented basic limit, 100 requests/s
 *        in live mode and 25/s in test mode (chosen from the key's {@code _test_} / {@code _live_} part)
 * @param retry {@code retry.*}
 * @param circuitBreaker {@code circuit-breaker.*}
 */
public record StripeSettings(URI baseUrl, String apiKey, String apiVersion, Duration connectTimeout, Duration timeout,
		RateLimitSettings rateLimit, RetrySettings retry, CircuitBreakerSettings circuitBreaker) {

	/** The API version whose OpenAPI description the client is written and tested against. */
	public static final String API_VERSION = "2023-08-16";

	public StripeSettings {
		Objects.requireNonNull(apiKey, "api-key");
		baseUrl = (baseUrl != null) ? baseUrl : URI.create("https://api.stripe.com");
		apiVersion = (apiVersion != null) ? apiVersion : API_VERSION;
		rateLimit = (rateLimit != null) ? rateLimit
				: RateLimitSettings.of(apiKey.contains("_test_") ? 25 : 100, Duration.ofSeconds(1));
	}

	/** Settings with the defaults above for {@code apiKey} against {@code baseUrl}. */
	public static StripeSettings of(URI baseUrl, String apiKey) {
		return new StripeSettings(baseUrl, apiKey, null, null, null, null, null, null);
	}

	/** The transport settings of the client. */
	public HttpSettings http() {
		return new HttpSettings(this.baseUrl, this.connectTimeout, this.timeout, this.rateLimit, this.retry,
				this.circuitBreaker);
	}
}
