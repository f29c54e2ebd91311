package io.catalogs.gateway.graphql;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Converts GraphQL argument values (as graphql-java coerced them: IDs and enums as strings, scalars
 * as their Java types) to the one Java type each {@link io.catalogs.schema.FieldType} has on the
 * catalog SPI. Generic over fields, so a new entity type needs no conversion code.
 */
final class FieldValues {

	private FieldValues() {
	}

	/**
	 * The attribute values of a create or patch input, converted; keys and explicit {@code null}s are
	 * kept as given (a {@code null} in a patch clears the field).
	 * @throws InvalidInputException for a key that is no client-writable field or an unconvertible value
	 */
	static Map<String, Object> attributes(EntityType type, Map<String, Object> input) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		if (input == null) {
			return attributes;
		}
		input.forEach((name, value) -> {
			FieldDef field = type.findField(name)
				.filter((candidate) -> !candidate.system())
				.orElseThrow(() -> new InvalidInputException(name, "is not a writable field of " + type.name()));
			attributes.put(name, coerce(field, name, value));
		});
		return attributes;
	}

	/**
	 * The value of {@code field} as the SPI expects it; {@code null} stays {@code null}.
	 * @param inputName the argument or input field name to blame in the error
	 * @throws InvalidInputException if the value cannot be converted
	 */
	static Object coerce(FieldDef field, String inputName, Object value) {
		if (value == null) {
			return null;
		}
		try {
			return switch (field.type()) {
				case STRING -> (String) value;
				case ENUM -> enumValue(field, inputName, value);
				case ID -> (value instanceof UUID id) ? id : UUID.fromString(value.toString());
				case DECIMAL -> decimal(value);
				case TIMESTAMP -> timestamp(value);
				case JSON -> jsonObject(inputName, value);
			};
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException(inputName, "not a valid " + describe(field) + " value");
		}
	}

	private static String enumValue(FieldDef field, String inputName, Object value) {
		String name = (value instanceof Enum<?> constant) ? constant.name() : value.toString();
		if (!field.enumValues().contains(name)) {
			throw new InvalidInputException(inputName, "must be one of " + field.enumValues());
		}
		return name;
	}

	private static BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		return new BigDecimal(value.toString());
	}

	private static Instant timestamp(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant();
		}
		return OffsetDateTime.parse(value.toString()).toInstant();
	}

	private static Map<?, ?> jsonObject(String inputName, Object value) {
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw new InvalidInputException(inputName, "must be a JSON object");
	}

	private static String describe(FieldDef field) {
		return switch (field.type()) {
			case ID -> "ID (UUID)";
			case DECIMAL -> "decimal";
			case TIMESTAMP -> "ISO-8601 date-time";
			default -> field.type().name().toLowerCase(java.util.Locale.ROOT);
		};
	}
}
