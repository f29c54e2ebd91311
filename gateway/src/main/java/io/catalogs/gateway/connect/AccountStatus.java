package io.catalogs.gateway.connect;

/** Whether a catalog's vendor account is connected: the GraphQL {@code AccountStatus} enum. */
public enum AccountStatus {

	/** A refresh token is held (configured, stored or from {@code connectCatalog}) and was not refused. */
	CONNECTED,

	/** The vendor refused the refresh token: connect the account again. */
	EXPIRED,

	/** An OAuth catalog with no refresh token yet: connect it with {@code connectCatalog}. */
	NOT_CONNECTED,

	/** The catalog does not sign in with OAuth (databases, Stripe, HubSpot). */
	NOT_APPLICABLE
}
