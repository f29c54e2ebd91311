package io.catalogs.api;

import io.catalogs.spi.Operator;

import java.util.Objects;

/**
 * A filter condition in the vendor's terms, pushed down to its list or search API: a path of the
 * vendor object, an operator and a value already converted by the mapping (a Stripe customer id
 * for an invoice's {@code customerId}, lower-case text where the mapping lower-cases).
 *
 * @param path the vendor path
 * @param operator how to compare
 * @param value the vendor value
 */
public record RemoteCondition(String path, Operator operator, Object value) {

	public RemoteCondition {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(value, "value");
	}
}
