package io.catalogs.gateway.connect;

import java.time.Instant;

/**
 * The answer to {@code connectCatalog}: the GraphQL {@code ConnectedCatalog} type. Carries no token.
 *
 * @param catalog the connected catalog
 * @param status its account status after connecting ({@link AccountStatus#CONNECTED})
 * @param accessTokenExpiresAt when the access token obtained expires (it is refreshed before)
 */
public record ConnectedCatalog(String catalog, AccountStatus status, Instant accessTokenExpiresAt) {
}
