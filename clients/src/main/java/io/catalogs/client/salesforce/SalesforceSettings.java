package io.catalogs.client.salesforce;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.HttpSettings;
import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;

/**
 * Configuration of one Salesforce client (bound from {@code catalogs.instances.<name>} by the
 * catalog that uses it; kebab-case keys as below).
 *
 * @param instanceUrl {@code instance-url}: the org's My Domain URL, such as
 *        {@code https://acme.my.salesforce.com}, required
 * @param apiVersion {@code api-version}, default {@code v60.0}
 * @param oauth {@code oauth.*}: connected app {@code client-id}, {@code client-secret} and
 *        {@code refresh-token}; {@code token-url} defaults to
 *        {@code https://login.salesforce.com/services/oauth2/token} (use {@code test.salesforce.com}
 *        for sandboxes), client credentials go in the request body
 * @param connectTimeout {@code connect-timeout}, default 5 s
 * @param timeout {@code timeout} of one attempt, default 30 s
 * @param rateLimit {@code rate-limit.*}: default 25 requests/s. Salesforce has no per-second limit
 *        but a rolling 24-hour allocation per org (Enterprise: 100,000 + 1,000 per license); set
 *        {@code limit-for-period} to the allocation and {@code period: 24h} to budget by day instead
 * @param retry {@code retry.*}
 * @param circuitBreaker {@code circuit-breaker.*}
 */
public record SalesforceSettings(URI instanceUrl, String apiVersion, OAuth2Settings oauth, Duration connectTimeout,
		Duration timeout, RateLimitSettings rateLimit, RetrySettings retry, CircuitBreakerSettings circuitBreaker) {

	/** Salesforce's production login token endpoint. */
	public static final URI TOKEN_URL = URI.create("https://login.salesforce.com/services/oauth2/token");

	public SalesforceSettings {
		Objects.requireNonNull(instanceUrl, "instance-url");
		Objects.requireNonNull(oauth, "oauth");
		apiVersion = (apiVersion != null) ? apiVersion : "v60.0";
		oauth = oauth.withDefaults(TOKEN_URL, OAuth2Settings.ClientAuthentication.REQUEST_BODY);
		rateLimit = (rateLimit != null) ? rateLimit : RateLimitSettings.of(25, Duration.ofSeconds(1));
	}

	/** The transport settings of the client. */
	public HttpSettings http() {
		return new HttpSettings(this.instanceUrl, this.connectTimeout, this.timeout, this.rateLimit, this.retry,
				this.circuitBreaker);
	}
}
