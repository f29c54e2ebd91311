package io.catalogs.client.http;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeQuickBooks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OAuth2RefreshAuth} for a connected account, against a QuickBooks-compatible token
 * endpoint of its own: authorization-code exchange, a token set handed over or restored from a
 * store, no refresh token at all, a refused refresh token and a newer one in the store.
 */
class OAuth2ConnectedAccountIT {

	private static final URI REDIRECT = URI.create("https://gateway.example.com/cb");

	private static final FakeQuickBooks VENDOR = new FakeQuickBooks();

	private static final FakeHttpServer SERVER = FakeHttpServer.start(VENDOR, null);

	private final List<OAuth2Token> issued = new CopyOnWriteArrayList<>();

	@AfterAll
	static void stop() {
		SERVER.close();
	}

	@Test
	void exchangesACodeWithoutUsingItUntilHandedOver() {
		OAuth2RefreshAuth auth = auth(null);
		VENDOR.tokens().issueCode("code-1", REDIRECT.toString(), "rt-from-code");

		OAuth2Token token = auth.exchangeCode("code-1", REDIRECT).block(Duration.ofSeconds(10));

		assertThat(token.refreshToken()).isEqualTo("rt-from-code");
		assertThat(token.expiresAt()).isAfter(Instant.now());
		assertThat(token.toString()).doesNotContain("rt-from-code").doesNotContain(token.accessToken());
		assertThat(this.issued).isEmpty();
		assertThat(auth.hasRefreshToken()).isFalse();
		auth.use(token);
		StepVerifier.create(auth.authorization()).expectNext("Bearer " + token.accessToken()).verifyComplete();
		assertThat(auth.hasRefreshToken()).isTrue();
		// a code works once
		StepVerifier.create(auth.exchangeCode("code-1", REDIRECT)).verifyError(UnauthorizedClientException.class);
		assertThat(auth.refused()).isFalse();
	}

	@Test
	void failsWithoutCallingTheEndpointWhenNoAccountIsConnected() {
		OAuth2RefreshAuth auth = auth(null);
		auth.restoreFrom(Mono.empty());
		int before = SERVER.received().size();

		StepVerifier.create(auth.authorization()).verifyError(UnauthorizedClientException.class);

		assertThat(SERVER.received()).hasSize(before);
		assertThat(auth.refused()).isFalse();
	}

	@Test
	void startsFromTheStoredTokenSetAndRefreshesWithItsRefreshToken() {
		VENDOR.tokens().issueCode("code-2", REDIRECT.toString(), "rt-stored");
		OAuth2Token stored = auth(null).exchangeCode("code-2", REDIRECT).block(Duration.ofSeconds(10));
		OAuth2RefreshAuth auth = auth("rt-configured-but-outdated");
		auth.restoreFrom(Mono.just(stored));
		int refreshes = VENDOR.tokens().refreshes();

		StepVerifier.create(auth.authorization()).expectNext("Bearer " + stored.accessToken()).verifyComplete();
		assertThat(VENDOR.tokens().refreshes()).isEqualTo(refreshes);

		StepVerifier.create(auth.renewAfterRejection("Bearer " + stored.accessToken()))
			.expectNextMatches((header) -> !header.equals("Bearer " + stored.accessToken())).verifyComplete();
		assertThat(VENDOR.tokens().refreshes()).isEqualTo(refreshes + 1);
		assertThat(this.issued).singleElement()
			.satisfies((token) -> assertThat(token.refreshToken()).isEqualTo(VENDOR.tokens().currentRefreshToken()));
	}

	@Test
	void aRefusedRefreshTokenMarksTheAccountUnlessTheStoreHoldsANewerOne() {
		AtomicReference<OAuth2Token> store = new AtomicReference<>();
		VENDOR.tokens().issueCode("code-3", REDIRECT.toString(), "rt-3");
		OAuth2RefreshAuth auth = auth(null);
		auth.restoreFrom(Mono.fromSupplier(store::get));
		OAuth2Token token = auth.exchangeCode("code-3", REDIRECT).block(Duration.ofSeconds(10));
		store.set(token);
		auth.use(token);

		// another instance refreshes and rotates, storing the new refresh token
		OAuth2RefreshAuth other = auth(null);
		other.use(token);
		String renewed = other.renewAfterRejection("Bearer " + token.accessToken()).block(Duration.ofSeconds(10));
		store.set(this.issued.get(this.issued.size() - 1));

		// this instance's refresh token is outdated now: refused, then retried with the stored one
		String header = auth.renewAfterRejection("Bearer " + token.accessToken()).block(Duration.ofSeconds(10));
		assertThat(header).startsWith("Bearer ").isNotEqualTo(renewed);
		assertThat(auth.refused()).isFalse();

		// the user revokes the app: refused, and nothing newer is stored
		VENDOR.tokens().reset("revoked");
		StepVerifier.create(auth.renewAfterRejection(header)).verifyError(UnauthorizedClientException.class);
		assertThat(auth.refused()).isTrue();
	}

	private OAuth2RefreshAuth auth(String refreshToken) {
		OAuth2Settings settings = new OAuth2Settings(URI.create(SERVER.baseUrl() + "/oauth2/v1/tokens/bearer"),
				FakeQuickBooks.CLIENT_ID, FakeQuickBooks.CLIENT_SECRET, refreshToken,
				OAuth2Settings.ClientAuthentication.BASIC, null, null);
		return OAuth2RefreshAuth.create("quickbooks/connected", settings, Duration.ofSeconds(5), Clock.systemUTC(),
				this.issued::add);
	}
}
