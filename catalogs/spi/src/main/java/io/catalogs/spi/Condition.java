package io.catalogs.spi;

import java.util.Objects;

/**
 * One filter condition on a field of an entity type. An entity with no value in the field never
 * matches. The value has the Java type of the field's {@link io.catalogs.schema.FieldType}.
 *
 * @param field a field name of the entity type (system fields included)
 * @param operator how to compare
 * @param value what to compare with, never {@code null}
 */
public record Condition(String field, Operator operator, Object value) {

	public Condition {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(value, "value");
	}

	public static Condition eq(String field, Object value) {
		return new Condition(field, Operator.EQ, value);
	}

	public static Condition contains(String field, String value) {
		return new Condition(field, Operator.CONTAINS, value);
	}

	public static Condition gt(String field, Object value) {
		return new Condition(field, Operator.GT, value);
	}

	public static Condition gte(String field, Object value) {
		return new Condition(field, Operator.GTE, value);
	}

	public static Condition lt(String field, Object value) {
		return new Condition(field, Operator.LT, value);
	}

	public static Condition lte(String field, Object value) {
		return new Condition(field, Operator.LTE, value);
	}
}
