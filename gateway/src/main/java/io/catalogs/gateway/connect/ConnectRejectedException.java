package io.catalogs.gateway.connect;

/**
 * {@code connectCatalog} cannot proceed for a reason the client can act on (the catalog does not
 * sign in with OAuth, the vendor refused the code, no key is configured): a {@code BAD_REQUEST}
 * whose message is written for clients and {@code reason} says which.
 */
public class ConnectRejectedException extends RuntimeException {

	private final String catalog;

	private final String reason;

	public ConnectRejectedException(String catalog, String reason, String message) {
		super(message);
		this.catalog = catalog;
		this.reason = reason;
	}

	public String catalog() {
		return this.catalog;
	}

	/** A stable code: {@code NOT_OAUTH}, {@code CODE_REFUSED}, {@code NOT_CONFIGURED}. */
	public String reason() {
		return this.reason;
	}
}
