package io.catalogs.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The value kinds an entity field can hold, each with the one Java type a catalog receives and must
 * return for it. Catalogs convert to their storage format and back; nothing else crosses the SPI.
 */
public enum FieldType {

	/** Text; Java {@link String}. */
	STRING(String.class),
	/** Exact decimal such as an amount of money; Java {@link BigDecimal}. */
	DECIMAL(BigDecimal.class),
	/** A point in time with millisecond precision; Java {@link Instant}. */
	TIMESTAMP(Instant.class),
	/** A reference to another entity's gateway id; Java {@link UUID}. */
	ID(UUID.class),
	/** A JSON object; Java {@code Map<String, Object>} of JSON-compatible values. */
	JSON(Map.class),
	/** One of a fixed set of names; Java {@link String}. */
	ENUM(String.class);

	private final Class<?> javaType;

	FieldType(Class<?> javaType) {
		this.javaType = javaType;
	}

	/** The Java type a value of this kind has on both sides of the SPI. */
	public Class<?> javaType() {
		return this.javaType;
	}

	/**
	 * Parse the canonical text form of a value of this kind (as written by {@link #format}).
	 * @throws IllegalArgumentException if the text is not a valid value
	 */
	public Object parse(String text) {
		try {
			return switch (this) {
				case STRING, ENUM -> text;
				case DECIMAL -> new BigDecimal(text);
				case TIMESTAMP -> Instant.parse(text);
				case ID -> UUID.fromString(text);
				case JSON -> throw new IllegalArgumentException("JSON values have no text form");
			};
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a " + name() + " value: " + text, ex);
		}
	}

	/** The canonical text form of a value of this kind; {@link #parse} reads it back. */
	public String format(Object value) {
		return switch (this) {
			case DECIMAL -> ((BigDecimal) value).toPlainString();
			default -> value.toString();
		};
	}
}
