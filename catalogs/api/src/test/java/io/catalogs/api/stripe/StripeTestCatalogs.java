package io.catalogs.api.stripe;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;

import java.time.Duration;

/** Properties of Stripe catalogs against the shared fake server, without the test-mode rate limit. */
final class StripeTestCatalogs {

	private StripeTestCatalogs() {
	}

	static StripeCatalogProperties properties() {
		StripeCatalogProperties defaults = StripeCatalogProperties.of(FakeServers.stripe().baseUrl(), FakeServers.STRIPE_KEY);
		return new StripeCatalogProperties(defaults.baseUrl(), defaults.apiKey(), null, null, null, Duration.ofSeconds(5),
				RateLimitSettings.of(10_000, Duration.ofSeconds(1)), RetrySettings.of(3, Duration.ofMillis(20)), null,
				null, null, null);
	}
}
