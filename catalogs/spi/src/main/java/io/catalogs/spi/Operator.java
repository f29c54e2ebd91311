package io.catalogs.spi;

/** How a {@link Condition} compares an entity's field with its value. */
public enum Operator {
	/** Equal to the value. */
	EQ,
	/** Text that contains the value, ignoring case. */
	CONTAINS,
	/** Strictly greater than the value. */
	GT,
	/** Greater than or equal to the value. */
	GTE,
	/** Strictly less than the value. */
	LT,
	/** Less than or equal to the value. */
	LTE
}
