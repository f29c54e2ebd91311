package io.catalogs.client.salesforce;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.http.TestSettings;

/** Salesforce clients against the fake server, with test timeouts. */
final class SalesforceTestClients {

	private SalesforceTestClients() {
	}

	static SalesforceClient client(String instance) {
		return client(instance, Duration.ofSeconds(10), TestSettings.retry(), TestSettings.tolerantBreaker(), Clock.systemUTC(),
				FakeSalesforce.REFRESH_TOKEN);
	}

	static SalesforceClient client(String instance, Duration timeout, RetrySettings retry, CircuitBreakerSettings breaker,
			Clock clock, String refreshToken) {
		URI base = FakeServers.salesforce().baseUrl();
		OAuth2Settings oauth = new OAuth2Settings(base.resolve("/services/oauth2/token"), FakeSalesforce.CLIENT_ID,
				FakeSalesforce.CLIENT_SECRET, refreshToken, null, Duration.ofSeconds(60), Duration.ofMinutes(10));
		return SalesforceClient.create(instance, new SalesforceSettings(base, null, oauth, Duration.ofSeconds(2), timeout,
				TestSettings.rateLimit(), retry, breaker), clock, (token) -> {
				});
	}
}
