package io.catalogs.gateway.connect;

import io.catalogs.api.OAuthAccount;
import io.catalogs.api.OAuthAccounts;
import io.catalogs.api.quickbooks.QuickBooksCatalogFactory;
import io.catalogs.client.http.RetriableClientException;
import io.catalogs.client.http.UnauthorizedClientException;
import io.catalogs.gateway.graphql.InvalidInputException;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.UnknownCatalogException;

import java.net.URI;
import java.net.URISyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Connects OAuth catalogs to vendor accounts and tells their status: trades an authorization code
 * for a token set at the catalog's token endpoint, stores it sealed, and hands it to the live
 * catalog, which uses it (and refreshes it) from then on. No token ever leaves this class except
 * into the store and the catalog.
 */
public class CatalogConnector {

	private static final Logger logger = LoggerFactory.getLogger(CatalogConnector.class);

	private final CatalogRegistry registry;

	private final OAuthAccounts accounts;

	private final ControlStoreOAuthTokenStore store;

	private final URI defaultRedirectUri;

	/** @param store where token sets are kept, {@code null} when no key is configured */
	public CatalogConnector(CatalogRegistry registry, OAuthAccounts accounts, ControlStoreOAuthTokenStore store,
			URI defaultRedirectUri) {
		this.registry = registry;
		this.accounts = accounts;
		this.store = store;
		this.defaultRedirectUri = defaultRedirectUri;
	}

	/** Exchange {@code code} for {@code catalog}'s token set, store it, and make the catalog use it. */
	public Mono<ConnectedCatalog> connect(String catalog, String code, String redirectUri, String realmId) {
		return Mono.defer(() -> {
			OAuthAccount account = account(catalog);
			if (code == null || code.isBlank()) {
				throw new InvalidInputException("authorizationCode", "must not be blank");
			}
			URI redirect = redirect(redirectUri);
			checkRealm(account, realmId);
			if (this.store == null) {
				throw new ConnectRejectedException(catalog, "NOT_CONFIGURED", "connecting accounts needs a key to "
						+ "seal tokens with: configure catalogs.credentials.key (see docs/connected-accounts.md)");
			}
			return account.auth()
				.exchangeCode(code, redirect)
				.onErrorMap(UnauthorizedClientException.class, (ex) -> new ConnectRejectedException(catalog,
						"CODE_REFUSED", "the " + account.kind() + " token endpoint refused the authorization code "
								+ "(already used, expired, or issued for another app or redirect URI)"))
				.onErrorMap(RetriableClientException.class, (ex) -> new CatalogUnavailableException(catalog, ex))
				.flatMap((token) -> this.store.save(catalog, token).then(Mono.fromSupplier(() -> {
					account.auth().use(token);
					logger.info("Catalog '{}' is connected to its {} account; access token valid until {}", catalog,
							account.kind(), token.expiresAt());
					return new ConnectedCatalog(catalog, AccountStatus.CONNECTED, token.expiresAt());
				})));
		});
	}

	/** Whether {@code catalog}'s account is connected; {@code NOT_APPLICABLE} for catalogs without OAuth. */
	public Mono<AccountStatus> status(String catalog) {
		return this.accounts.find(catalog).map((account) -> {
			if (account.auth().refused()) {
				return Mono.just(AccountStatus.EXPIRED);
			}
			if (account.auth().hasRefreshToken() || this.store == null) {
				return Mono.just(account.auth().hasRefreshToken() ? AccountStatus.CONNECTED : AccountStatus.NOT_CONNECTED);
			}
			return this.store.exists(catalog)
				.map((stored) -> stored ? AccountStatus.CONNECTED : AccountStatus.NOT_CONNECTED);
		}).orElseGet(() -> Mono.just(AccountStatus.NOT_APPLICABLE));
	}

	private OAuthAccount account(String catalog) {
		if (catalog == null || this.registry.find(catalog).isEmpty()) {
			throw new UnknownCatalogException("no catalog is named '" + catalog + "'");
		}
		return this.accounts.find(catalog)
			.orElseThrow(() -> new ConnectRejectedException(catalog, "NOT_OAUTH", "catalog '" + catalog + "' (kind "
					+ this.registry.find(catalog).get().definition().kind() + ") does not sign in with OAuth; only "
					+ "salesforce and quickbooks catalogs are connected this way"));
	}

	private URI redirect(String given) {
		if (given == null || given.isBlank()) {
			if (this.defaultRedirectUri == null) {
				throw new InvalidInputException("redirectUri", "is required (the redirect URI the authorization code "
						+ "was sent to), or configure catalogs.credentials.redirect-uri");
			}
			return this.defaultRedirectUri;
		}
		try {
			URI uri = new URI(given);
			if (!uri.isAbsolute() || uri.getHost() == null) {
				throw new InvalidInputException("redirectUri", "must be an absolute http(s) URI");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException("redirectUri", "is not a URI");
		}
	}

	private static void checkRealm(OAuthAccount account, String realmId) {
		if (realmId == null || realmId.isBlank()) {
			return;
		}
		if (!QuickBooksCatalogFactory.KIND.equals(account.kind())) {
			throw new InvalidInputException("realmId", "applies to quickbooks catalogs only");
		}
		if (!realmId.equals(account.realmId())) {
			throw new InvalidInputException("realmId", "catalog '" + account.catalog() + "' is configured for another "
					+ "QuickBooks company (catalogs.instances." + account.catalog() + ".realm-id); connect an account "
					+ "of that company or change the configuration");
		}
	}
}
