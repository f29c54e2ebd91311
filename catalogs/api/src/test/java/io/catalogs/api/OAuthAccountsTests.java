package io.catalogs.api;

import io.catalogs.client.http.OAuth2RefreshAuth;
import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.http.OAuth2Token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthAccountsTests {

	private final Map<String, OAuth2Token> saved = new ConcurrentHashMap<>();

	private final OAuthTokenStore store = new OAuthTokenStore() {

		@Override
		public Mono<OAuth2Token> find(String catalog) {
			return Mono.justOrEmpty(OAuthAccountsTests.this.saved.get(catalog));
		}

		@Override
		public Mono<Void> save(String catalog, OAuth2Token token) {
			return Mono.fromRunnable(() -> OAuthAccountsTests.this.saved.put(catalog, token));
		}
	};

	@Test
	void anAttachedCatalogStartsFromItsStoredTokenSet() {
		OAuth2Token stored = new OAuth2Token("at-stored", "rt-stored", Instant.now().plusSeconds(3600), null);
		this.saved.put("books", stored);
		OAuthAccounts accounts = new OAuthAccounts(() -> this.store);
		OAuth2RefreshAuth auth = auth(accounts, "books");

		accounts.attach("books", "quickbooks", auth, "123");

		// no token endpoint is called: the stored access token is still valid
		StepVerifier.create(auth.authorization()).expectNext("Bearer at-stored").verifyComplete();
		assertThat(auth.hasRefreshToken()).isTrue();
		assertThat(accounts.find("books")).hasValueSatisfying((account) -> {
			assertThat(account.kind()).isEqualTo("quickbooks");
			assertThat(account.realmId()).isEqualTo("123");
			assertThat(account.auth()).isSameAs(auth);
		});
		assertThat(accounts.find("crm")).isEmpty();
	}

	@Test
	void theSaverStoresEveryNewTokenSetUnderTheCatalogsName() {
		OAuthAccounts accounts = new OAuthAccounts(() -> this.store);
		OAuth2Token token = new OAuth2Token("at-1", "rt-1", Instant.now().plusSeconds(60), null);

		accounts.saver("crm").accept(token);

		assertThat(this.saved).containsEntry("crm", token);
	}

	@Test
	void withoutAStoreNothingIsStoredOrRestored() {
		OAuthAccounts accounts = OAuthAccounts.inMemory();
		OAuth2RefreshAuth auth = auth(accounts, "crm");

		accounts.attach("crm", "salesforce", auth, null);
		accounts.saver("crm").accept(new OAuth2Token("at-1", "rt-1", Instant.now().plusSeconds(60), null));

		assertThat(auth.hasRefreshToken()).isFalse();
		assertThat(this.saved).isEmpty();
	}

	private static OAuth2RefreshAuth auth(OAuthAccounts accounts, String catalog) {
		// a token endpoint nobody listens on: these tests must not need one
		OAuth2Settings settings = new OAuth2Settings(URI.create("http://127.0.0.1:9/token"), "id", "secret", null,
				OAuth2Settings.ClientAuthentication.BASIC, null, null);
		return OAuth2RefreshAuth.create("test/" + catalog, settings, Duration.ofSeconds(1), Clock.systemUTC(),
				accounts.saver(catalog));
	}
}
