package io.catalogs.api.mapping;

/**
 * The Java type a vendor adapter puts in a {@link io.catalogs.api.RemoteObject} for one path, and
 * expects back when writing it: the vendor's own value kind, before any conversion to a field of
 * an entity.
 */
public enum RemoteValueType {

	/** Text; Java {@link String}. An empty text reads as no value (vendors clear fields with it). */
	TEXT(String.class),
	/** A whole number such as an amount in cents or Unix seconds; Java {@link Long}. */
	INTEGER(Long.class),
	/** An exact decimal such as a Salesforce currency field; Java {@link java.math.BigDecimal}. */
	DECIMAL(java.math.BigDecimal.class),
	/** A point in time the vendor keeps in its own format, parsed by the adapter; Java {@link java.time.Instant}. */
	TIMESTAMP(java.time.Instant.class),
	/** A calendar date without time (QuickBooks {@code DueDate}); Java {@link java.time.LocalDate}. */
	DATE(java.time.LocalDate.class);

	private final Class<?> javaType;

	RemoteValueType(Class<?> javaType) {
		this.javaType = javaType;
	}

	/** The Java type of values of this kind. */
	public Class<?> javaType() {
		return this.javaType;
	}
}
