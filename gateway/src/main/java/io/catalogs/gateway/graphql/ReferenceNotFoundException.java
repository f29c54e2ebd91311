package io.catalogs.gateway.graphql;

import io.catalogs.schema.EntityType;

import java.util.UUID;

/**
 * An input refers to an entity that does not exist, such as an invoice's {@code customerId} naming
 * no customer of the catalog written to. Reported as {@code NOT_FOUND} naming the input field.
 */
public class ReferenceNotFoundException extends RuntimeException {

	private final String field;

	public ReferenceNotFoundException(String field, EntityType type, UUID id) {
		super(field + ": " + type.name() + " " + id + " not found");
		this.field = field;
	}

	/** The input field holding the dangling reference. */
	public String field() {
		return this.field;
	}
}
