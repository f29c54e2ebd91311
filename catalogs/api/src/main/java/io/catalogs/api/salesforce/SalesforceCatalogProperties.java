package io.catalogs.api.salesforce;

import io.catalogs.api.ListingProperties;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.api.mapping.FieldMappingProperties;
import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.salesforce.SalesforceSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The Salesforce-specific keys of a catalog instance, bound from {@code catalogs.instances.<name>}
 * when its {@code kind} is {@code salesforce}. A key left out takes its default.
 *
 * @param instanceUrl {@code instance-url}: the org's My Domain URL (or any Salesforce-compatible server); required
 * @param apiVersion {@code api-version} (default {@code v60.0})
 * @param oauth {@code oauth.*}: the connected app's {@code client-id}, {@code client-secret} and
 *        {@code refresh-token}, optional {@code token-url} (default Salesforce's production login); required
 * @param connectTimeout {@code connect-timeout} (default 5 s)
 * @param timeout {@code timeout} of one attempt (default 30 s)
 * @param rateLimit {@code rate-limit.*} (default 25 requests/s)
 * @param retry {@code retry.*} of retriable failures
 * @param circuitBreaker {@code circuit-breaker.*}
 * @param readCache {@code read-cache.*} (on by default)
 * @param listing {@code listing.*}
 * @param mapping {@code mapping.<entity-type>.<field>.*}: overrides of the shipped field mapping
 */
public record SalesforceCatalogProperties(URI instanceUrl, String apiVersion, OAuth2Settings oauth,
		Duration connectTimeout, Duration timeout, RateLimitSettings rateLimit, RetrySettings retry,
		CircuitBreakerSettings circuitBreaker, ReadCacheProperties readCache, ListingProperties listing,
		Map<String, Map<String, FieldMappingProperties>> mapping) {

	public SalesforceCatalogProperties {
		readCache = (readCache != null) ? readCache : ReadCacheProperties.defaults();
		listing = (listing != null) ? listing : ListingProperties.defaults();
		mapping = (mapping != null) ? Map.copyOf(mapping) : Map.of();
	}

	/** The defaults against {@code instanceUrl} with {@code oauth}. */
	public static SalesforceCatalogProperties of(URI instanceUrl, OAuth2Settings oauth) {
		return new SalesforceCatalogProperties(instanceUrl, null, oauth, null, null, null, null, null, null, null, null);
	}

	/** The client settings; fails naming the key when a required one is missing. */
	SalesforceSettings client(String catalog) {
		if (this.instanceUrl == null) {
			throw new IllegalStateException("catalogs.instances." + catalog + ".instance-url is missing");
		}
		if (this.oauth == null) {
			throw new IllegalStateException("catalogs.instances." + catalog + ".oauth (client-id, client-secret, "
					+ "refresh-token) is missing");
		}
		return new SalesforceSettings(this.instanceUrl, this.apiVersion, this.oauth, this.connectTimeout, this.timeout,
				this.rateLimit, this.retry, this.circuitBreaker);
	}
}
