package io.catalogs.api;

import io.catalogs.client.http.OAuth2RefreshAuth;

/**
 * The OAuth 2.0 account of one API catalog: what the gateway needs to connect it to a vendor
 * account ({@code connectCatalog}) and to tell whether it is connected.
 *
 * @param catalog the catalog's name
 * @param kind its kind ({@code salesforce}, {@code quickbooks})
 * @param auth the catalog's live token source
 * @param realmId the QuickBooks company the catalog is configured for, {@code null} for other kinds
 */
public record OAuthAccount(String catalog, String kind, OAuth2RefreshAuth auth, String realmId) {
}
