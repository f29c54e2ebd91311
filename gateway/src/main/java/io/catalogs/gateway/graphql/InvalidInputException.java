package io.catalogs.gateway.graphql;

import java.util.Objects;

/**
 * A client sent a value the gateway refuses (bad email, unknown currency, a page size above the
 * limit, a malformed cursor...). Reported as {@code BAD_REQUEST} with the offending argument or input
 * field in {@code extensions.field}; the message is written for the client.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(field + ": " + message);
		this.field = Objects.requireNonNull(field, "field");
	}

	/** The argument or input field at fault, such as {@code email} or {@code first}. */
	public String field() {
		return this.field;
	}
}
