package io.catalogs.api;

import io.catalogs.client.http.OAuth2Token;

import reactor.core.publisher.Mono;

/**
 * Where API catalogs that sign in with OAuth 2.0 (Salesforce, QuickBooks) keep their token sets, so
 * that a connected account and every refreshed or rotated refresh token survive restarts: the
 * extension point the gateway implements on its control store (encrypted). Without such a bean,
 * token sets live in memory only and a catalog starts from its configured refresh token.
 *
 * <p>Every method returns without blocking; work happens on subscription. Keys are catalog names.
 */
public interface OAuthTokenStore {

	/** The token set last saved for {@code catalog}; completes empty when there is none. */
	Mono<OAuth2Token> find(String catalog);

	/** Keep {@code token} as the token set of {@code catalog}, replacing the one saved before. */
	Mono<Void> save(String catalog, OAuth2Token token);
}
