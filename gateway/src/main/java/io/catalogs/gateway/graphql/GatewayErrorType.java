package io.catalogs.gateway.graphql;

import graphql.ErrorClassification;

/**
 * The {@code extensions.classification} values of the API beyond Spring for GraphQL's
 * {@link org.springframework.graphql.execution.ErrorType} ({@code BAD_REQUEST}, {@code NOT_FOUND},
 * {@code INTERNAL_ERROR}, ...).
 */
public enum GatewayErrorType implements ErrorClassification {

	/** The {@code catalog} argument names no configured catalog, or one that holds no such entities. */
	UNKNOWN_CATALOG,

	/** The catalog's store cannot be reached right now; the same request may succeed later. */
	CATALOG_UNAVAILABLE,

	/** {@code expectedVersion} is not the stored version: someone else wrote in between. */
	VERSION_CONFLICT
}
