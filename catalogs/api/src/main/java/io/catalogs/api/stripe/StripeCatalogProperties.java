package io.catalogs.api.stripe;

import io.catalogs.api.ListingProperties;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.api.mapping.FieldMappingProperties;
import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.stripe.StripeSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The Stripe-specific keys of a catalog instance, bound from {@code catalogs.instances.<name>} when
 * its {@code kind} is {@code stripe}. A key left out takes its default.
 *
 * @param baseUrl {@code base-url}: Stripe's API or any Stripe-compatible server (default {@code https://api.stripe.com})
 * @param apiKey {@code api-key}: a secret or restricted key with read and write access to customers; required
 * @param apiVersion {@code api-version}: the {@code Stripe-Version} sent (default the client's, 2023-08-16)
 * @param webhookSecret {@code webhook-secret}: the signing secret of {@code POST /webhooks/<name>} (read by the gateway's webhooks, not here)
 * @param connectTimeout {@code connect-timeout} (default 5 s)
 * @param timeout {@code timeout} of one attempt (default 30 s)
 * @param rateLimit {@code rate-limit.*}: {@code limit-for-period}, {@code period}, {@code max-wait}
 *        (default Stripe's: 25/s with a test key, 100/s live)
 * @param retry {@code retry.*} of retriable failures
 * @param circuitBreaker {@code circuit-breaker.*}
 * @param readCache {@code read-cache.*} (on by default)
 * @param listing {@code listing.*}
 * @param mapping {@code mapping.<entity-type>.<field>.*}: overrides of the shipped field mapping
 */
public record StripeCatalogProperties(URI baseUrl, String apiKey, String apiVersion, String webhookSecret,
		Duration connectTimeout, Duration timeout, RateLimitSettings rateLimit, RetrySettings retry,
		CircuitBreakerSettings circuitBreaker, ReadCacheProperties readCache, ListingProperties listing,
		Map<String, Map<String, FieldMappingProperties>> mapping) {

	public StripeCatalogProperties {
		readCache = (readCache != null) ? readCache : ReadCacheProperties.defaults();
		listing = (listing != null) ? listing : ListingProperties.defaults();
		mapping = (mapping != null) ? Map.copyOf(mapping) : Map.of();
	}

	/** The defaults against {@code baseUrl} with {@code apiKey}. */
	public static StripeCatalogProperties of(URI baseUrl, String apiKey) {
		return new StripeCatalogProperties(baseUrl, apiKey, null, null, null, null, null, null, null, null, null, null);
	}

	/** These properties with another read cache. */
	public StripeCatalogProperties withReadCache(ReadCacheProperties cache) {
		return new StripeCatalogProperties(this.baseUrl, this.apiKey, this.apiVersion, this.webhookSecret,
				this.connectTimeout, this.timeout, this.rateLimit, this.retry, this.circuitBreaker, cache, this.listing,
				this.mapping);
	}

	/** These properties with other mapping overrides. */
	public StripeCatalogProperties withMapping(Map<String, Map<String, FieldMappingProperties>> overrides) {
		return new StripeCatalogProperties(this.baseUrl, this.apiKey, this.apiVersion, this.webhookSecret,
				this.connectTimeout, this.timeout, this.rateLimit, this.retry, this.circuitBreaker, this.readCache,
				this.listing, overrides);
	}

	/** These properties with other retries. */
	public StripeCatalogProperties withRetry(RetrySettings newRetry) {
		return new StripeCatalogProperties(this.baseUrl, this.apiKey, this.apiVersion, this.webhookSecret,
				this.connectTimeout, this.timeout, this.rateLimit, newRetry, this.circuitBreaker, this.readCache,
				this.listing, this.mapping);
	}

	/** The client settings; fails naming the key when the API key is missing. */
	StripeSettings client(String catalog) {
		if (this.apiKey == null || this.apiKey.isBlank()) {
			throw new IllegalStateException("catalogs.instances." + catalog + ".api-key is missing");
		}
		return new StripeSettings(this.baseUrl, this.apiKey, this.apiVersion, this.connectTimeout, this.timeout,
				this.rateLimit, this.retry, this.circuitBreaker);
	}
}
