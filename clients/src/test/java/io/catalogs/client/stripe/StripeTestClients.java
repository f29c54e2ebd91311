package io.catalogs.client.stripe;

import java.net.URI;
import java.time.Duration;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.http.TestSettings;

/** Stripe clients against the fake server, with test timeouts. */
final class StripeTestClients {

	private StripeTestClients() {
	}

	/** A client with a generous timeout, for tests of behaviour rather than faults. */
	static StripeClient client(String instance) {
		return client(instance, FakeServers.stripe().baseUrl(), Duration.ofSeconds(10), TestSettings.retry(),
				TestSettings.tolerantBreaker());
	}

	static StripeClient client(String instance, URI baseUrl, Duration timeout, RetrySettings retry,
			CircuitBreakerSettings breaker) {
		return StripeClient.create(instance, new StripeSettings(baseUrl, FakeServers.STRIPE_KEY, null, Duration.ofSeconds(2),
				timeout, TestSettings.rateLimit(), retry, breaker));
	}
}
