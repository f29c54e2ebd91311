package io.catalogs.api;

import io.catalogs.client.http.OAuth2RefreshAuth;
import io.catalogs.client.http.OAuth2Token;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The OAuth 2.0 accounts of the API catalogs of this application, by catalog name, each tied to the
 * application's {@link OAuthTokenStore}: a catalog's token source restores the stored token set
 * before its first token request, and every token set it obtains later (a refresh, a rotated
 * refresh token) is saved. The store bean is looked up on first use, not when catalogs are created
 * (the gateway's store needs the catalogs); without one, nothing is stored.
 */
public final class OAuthAccounts {

	private static final Logger logger = LoggerFactory.getLogger(OAuthAccounts.class);

	private final Supplier<OAuthTokenStore> resolver;

	private final Map<String, OAuthAccount> accounts = new ConcurrentHashMap<>();

	/** @param resolver finds the store bean, {@code null} when there is none */
	public OAuthAccounts(Supplier<OAuthTokenStore> resolver) {
		this.resolver = resolver;
	}

	/** Accounts whose token sets are kept in memory only (tests, applications without a store). */
	public static OAuthAccounts inMemory() {
		return new OAuthAccounts(() -> null);
	}

	/** The listener to create {@code catalog}'s client with: saves every token set it obtains. */
	public Consumer<OAuth2Token> saver(String catalog) {
		return (token) -> store().map((store) -> store.save(catalog, token)).orElseGet(Mono::empty)
			.subscribe(null, (ex) -> logger.error("The new token set of catalog '{}' could not be stored; a restart "
					+ "may present an outdated refresh token: {}", catalog, ex.toString()));
	}

	/**
	 * Register the account of a newly created catalog (replacing one of the same name) and make its
	 * token source start from the stored token set, when there is one.
	 */
	public void attach(String catalog, String kind, OAuth2RefreshAuth auth, String realmId) {
		auth.restoreFrom(Mono.defer(() -> store().map((store) -> store.find(catalog)).orElseGet(Mono::empty)));
		this.accounts.put(catalog, new OAuthAccount(catalog, kind, auth, realmId));
	}

	/** The account of {@code catalog}; empty when it is no catalog of an OAuth kind. */
	public Optional<OAuthAccount> find(String catalog) {
		return Optional.ofNullable(this.accounts.get(catalog));
	}

	private Optional<OAuthTokenStore> store() {
		return Optional.ofNullable(this.resolver.get());
	}
}
