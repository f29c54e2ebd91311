package io.catalogs.api.quickbooks;

import io.catalogs.api.ListingProperties;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.api.mapping.FieldMappingProperties;
import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.quickbooks.QuickBooksSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The QuickBooks-specific keys of a catalog instance, bound from {@code catalogs.instances.<name>}
 * when its {@code kind} is {@code quickbooks}. A key left out takes its default.
 *
 * @param baseUrl {@code base-url}: QuickBooks Online's API or any compatible server (default
 *        {@code https://quickbooks.api.intuit.com}; sandbox companies use {@code https://sandbox-quickbooks.api.intuit.com})
 * @param realmId {@code realm-id}: the company id; required
 * @param minorVersion {@code minor-version} (default 75)
 * @param invoiceItemId {@code invoice-item-id}: the Item (product or service) every new invoice line
 *        refers to, default {@code 1} (the "Services" item of new companies)
 * @param oauth {@code oauth.*}: the app's {@code client-id}, {@code client-secret} and
 *        {@code refresh-token}, optional {@code token-url} (default Intuit's); required
 * @param connectTimeout {@code connect-timeout} (default 5 s)
 * @param timeout {@code timeout} of one attempt (default 30 s)
 * @param rateLimit {@code rate-limit.*} (default 500 requests per minute, Intuit's limit per company)
 * @param retry {@code retry.*} of retriable failures
 * @param circuitBreaker {@code circuit-breaker.*}
 * @param readCache {@code read-cache.*} (on by default)
 * @param listing {@code listing.*}
 * @param mapping {@code mapping.<entity-type>.<field>.*}: overrides of the shipped field mapping
 */
public record QuickBooksCatalogProperties(URI baseUrl, String realmId, Integer minorVersion, String invoiceItemId,
		OAuth2Settings oauth, Duration connectTimeout, Duration timeout, RateLimitSettings rateLimit, RetrySettings retry,
		CircuitBreakerSettings circuitBreaker, ReadCacheProperties readCache, ListingProperties listing,
		Map<String, Map<String, FieldMappingProperties>> mapping) {

	public QuickBooksCatalogProperties {
		readCache = (readCache != null) ? readCache : ReadCacheProperties.defaults();
		listing = (listing != null) ? listing : ListingProperties.defaults();
		mapping = (mapping != null) ? Map.copyOf(mapping) : Map.of();
	}

	/** The client settings; fails naming the key when a required one is missing. */
	QuickBooksSettings client(String catalog) {
		if (this.realmId == null || this.realmId.isBlank()) {
			throw new IllegalStateException("catalogs.instances." + catalog + ".realm-id is missing");
		}
		if (this.oauth == null) {
			throw new IllegalStateException("catalogs.instances." + catalog + ".oauth (client-id, client-secret, "
					+ "refresh-token) is missing");
		}
		return new QuickBooksSettings(this.baseUrl, this.realmId, this.minorVersion, this.invoiceItemId, this.oauth, this.connectTimeout,
				this.timeout, this.rateLimit, this.retry, this.circuitBreaker);
	}
}
