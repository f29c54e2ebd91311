package io.catalogs.client.quickbooks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import io.catalogs.client.fake.FakeQuickBooks;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.CircuitBreakerSettings;
import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.http.OAuth2Token;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.client.http.TestSettings;

/** QuickBooks clients against the fake server, with test timeouts. */
final class QuickBooksTestClients {

	private QuickBooksTestClients() {
	}

	static QuickBooksClient client(String instance) {
		return client(instance, Duration.ofSeconds(10), TestSettings.retry(), TestSettings.tolerantBreaker(), Clock.systemUTC(),
				(token) -> {
				});
	}

	static QuickBooksClient client(String instance, Duration timeout, RetrySettings retry, CircuitBreakerSettings breaker,
			Clock clock, Consumer<OAuth2Token> listener) {
		URI base = FakeServers.quickbooks().baseUrl();
		OAuth2Settings oauth = new OAuth2Settings(base.resolve("/oauth2/v1/tokens/bearer"), FakeQuickBooks.CLIENT_ID,
				FakeQuickBooks.CLIENT_SECRET, FakeQuickBooks.REFRESH_TOKEN, null, null, null);
		return QuickBooksClient.create(instance, new QuickBooksSettings(base, FakeQuickBooks.REALM, null, null, oauth,
				Duration.ofSeconds(2), timeout, TestSettings.rateLimit(), retry, breaker), clock, listener);
	}
}
