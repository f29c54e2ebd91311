package io.catalogs.api.hubspot;

import io.catalogs.api.ListingProperties;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.api.mapping.FieldMappingProperties;
import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.hubspot.HubSpotSettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The HubSpot-specific keys of a catalog instance, bound from {@code catalogs.instances.<name>}
 * when its {@code kind} is {@code hubspot}. A key left out takes its default.
 *
 * @param baseUrl {@code base-url}: HubSpot's API or any HubSpot-compatible server (default {@code https://api.hubapi.com})
 * @param accessToken {@code access-token}: a private app's token with {@code crm.objects.contacts.read/write}; required
 * @param connectTimeout {@code connect-timeout} (default 5 s)
 * @param timeout {@code timeout} of one attempt (default 30 s)
 * @param rateLimit {@code rate-limit.*} (default 100 requests per 10 s, HubSpot's burst limit for private apps)
 * @param retry {@code retry.*} of retriable failures
 * @param circuitBreaker {@code circuit-breaker.*}
 * @param readCache {@code read-cache.*} (on by default)
 * @param listing {@code listing.*}
 * @param mapping {@code mapping.<entity-type>.<field>.*}: overrides of the shipped field mapping
 */
public record HubSpotCatalogProperties(URI baseUrl, String accessToken, Duration connectTimeout, Duration timeout,
		RateLimitSettings rateLimit, RetrySettings retry, CircuitBreakerSettings circuitBreaker,
		ReadCacheProperties readCache, ListingProperties listing, Map<String, Map<String, FieldMappingProperties>> mapping) {

	public HubSpotCatalogProperties {
		readCache = (readCache != null) ? readCache : ReadCacheProperties.defaults();
		listing = (listing != null) ? listing : ListingProperties.defaults();
		mapping = (mapping != null) ? Map.copyOf(mapping) : Map.of();
	}

	/** The defaults against {@code baseUrl} with {@code accessToken}. */
	public static HubSpotCatalogProperties of(URI baseUrl, String accessToken) {
		return new HubSpotCatalogProperties(baseUrl, accessToken, null, null, null, null, null, null, null, null);
	}

	/**
	 * The client settings: the gateway id property and the properties read back come from the
	 * mapping. Fails naming the key when the token is missing.
	 */
	HubSpotSettings client(String catalog, String gatewayIdProperty, List<String> properties) {
		if (this.accessToken == null || this.accessToken.isBlank()) {
			throw new IllegalStateException("catalogs.instances." + catalog + ".access-token is missing");
		}
		return new HubSpotSettings(this.baseUrl, this.accessToken, gatewayIdProperty, properties, this.connectTimeout,
				this.timeout, this.rateLimit, this.retry, this.circuitBreaker);
	}
}
