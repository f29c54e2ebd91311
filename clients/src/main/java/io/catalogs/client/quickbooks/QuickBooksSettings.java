package io.catalogs.client.quickbooks;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.HttpSettings;
import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;

/**
 * Configuration of one QuickBooks Online client (bound from {@code catalogs.instances.<name>} by
 * the catalog that uses it; kebab-case keys as below).
 *
 * @param baseUrl {@code base-url}, default {@code https://quickbooks.api.intuit.com}
 *        ({@code https://sandbox-quickbooks.api.intuit.com} for sandbox companies)
 * @param realmId {@code realm-id}: the company id, required
 * @param minorVersion {@code minor-version}: the {@code minorversion} sent with every request, default 75
 * @param invoiceItemId {@code invoice-item-id}: the Item every invoice line refers to (QuickBooks
 *        invoices are made of item lines), default {@code 1} (the "Services" item of new companies)
 * @param oauth {@code oauth.*}: the app's {@code client-id}, {@code client-secret} and
 *        {@code refresh-token}; {@code token-url} defaults to
 *        {@code https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer}, client credentials by
 *        HTTP Basic. Intuit rotates refresh tokens: persist the new one from the token listener
 * @param connectTimeout {@code connect-timeout}, default 5 s
 * @param timeout {@code timeout} of one attempt, default 30 s
 * @param rateLimit {@code rate-limit.*}: default 500 requests per minute, Intuit's limit per realm
 * @param retry {@code retry.*}
 * @param circuitBreaker {@code circuit-breaker.*}
 */
public record QuickBooksSettings(URI baseUrl, String realmId, Integer minorVersion, String invoiceItemId,
		OAuth2Settings oauth, Duration connectTimeout, Duration timeout, RateLimitSettings rateLimit, RetrySettings retry,
		CircuitBreakerSettings circuitBreaker) {

	/** Intuit's token endpoint. */
	public static final URI TOKEN_URL = URI.create("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer");

	public QuickBooksSettings {
		Objects.requireNonNull(realmId, "realm-id");
		Objects.requireNonNull(oauth, "oauth");
		baseUrl = (baseUrl != null) ? baseUrl : URI.create("https://quickbooks.api.intuit.com");
		minorVersion = (minorVersion != null) ? minorVersion : 75;
		invoiceItemId = (invoiceItemId != null) ? invoiceItemId : "1";
		oauth = oauth.withDefaults(TOKEN_URL, OAuth2Settings.ClientAuthentication.BASIC);
		rateLimit = (rateLimit != null) ? rateLimit : RateLimitSettings.of(500, Duration.ofMinutes(1));
	}

	/** The transport settings of the client. */
	public HttpSettings http() {
		return new HttpSettings(this.baseUrl, this.connectTimeout, this.timeout, this.rateLimit, this.retry,
				this.circuitBreaker);
	}
}
