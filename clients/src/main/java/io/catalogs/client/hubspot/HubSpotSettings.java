package io.catalogs.client.hubspot;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.HttpSettings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;

/**
 * Configuration of one HubSpot client (bound from {@code catalogs.instances.<name>} by the catalog
 * that uses it; kebab-case keys as below).
 *
 * @param baseUrl {@code base-url}, default {@code https://api.hubapi.com}
 * @param accessToken {@code access-token}: a private app's access token ({@code pat-...}), required
 * @param gatewayIdProperty {@code gateway-id-property}: the custom contact property holding our
 *        entity id; it must be created with {@code hasUniqueValue: true} (default {@code catalogs_gateway_id})
 * @param properties {@code properties}: the contact properties read back (default email, firstname,
 *        lastname, phone, the gateway id property, {@code catalogs_version}, {@code catalogs_metadata})
 * @param connectTimeout {@code connect-timeout}, default 5 s
 * @param timeout {@code timeout} of one attempt, default 30 s
 * @param rateLimit {@code rate-limit.*}: default 100 requests per 10 s, the burst limit of private
 *        apps on Free and Starter accounts (Professional and Enterprise allow 190 per 10 s)
 * @param retry {@code retry.*}
 * @param circuitBreaker {@code circuit-breaker.*}
 */
public record HubSpotSettings(URI baseUrl, String accessToken, String gatewayIdProperty, List<String> properties,
		Duration connectTimeout, Duration timeout, RateLimitSettings rateLimit, RetrySettings retry,
		CircuitBreakerSettings circuitBreaker) {

	public HubSpotSettings {
		Objects.requireNonNull(accessToken, "access-token");
		baseUrl = (baseUrl != null) ? baseUrl : URI.create("https://api.hubapi.com");
		gatewayIdProperty = (gatewayIdProperty != null) ? gatewayIdProperty : "catalogs_gateway_id";
		properties = (properties != null) ? List.copyOf(properties)
				: List.of("email", "firstname", "lastname", "phone", gatewayIdProperty, "catalogs_version", "catalogs_metadata");
		rateLimit = (rateLimit != null) ? rateLimit : RateLimitSettings.of(100, Duration.ofSeconds(10));
	}

	/** Settings with the defaults above for {@code accessToken} against {@code baseUrl}. */
	public static HubSpotSettings of(URI baseUrl, String accessToken) {
		return new HubSpotSettings(baseUrl, accessToken, null, null, null, null, null, null, null);
	}

	/** The transport settings of the client. */
	public HttpSettings http() {
		return new HttpSettings(this.baseUrl, this.connectTimeout, this.timeout, this.rateLimit, this.retry,
				this.circuitBreaker);
	}
}
