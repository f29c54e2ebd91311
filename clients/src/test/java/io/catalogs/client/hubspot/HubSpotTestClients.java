package io.catalogs.client.hubspot;

import java.net.URI;
import java.time.Duration;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.http.TestSettings;

/** HubSpot clients against the fake server, with test timeouts. */
final class HubSpotTestClients {

	private HubSpotTestClients() {
	}

	static HubSpotClient client(String instance) {
		return client(instance, FakeServers.hubspot().baseUrl(), Duration.ofSeconds(10), TestSettings.retry(),
				TestSettings.tolerantBreaker());
	}

	static HubSpotClient client(String instance, URI baseUrl, Duration timeout, RetrySettings retry,
			CircuitBreakerSettings breaker) {
		return HubSpotClient.create(instance, new HubSpotSettings(baseUrl, FakeServers.HUBSPOT_TOKEN, null, null,
				Duration.ofSeconds(2), timeout, TestSettings.rateLimit(), retry, breaker));
	}
}
