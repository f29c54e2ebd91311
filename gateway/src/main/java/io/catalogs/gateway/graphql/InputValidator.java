package io.catalogs.gateway.graphql;

import io.catalogs.schema.Customer;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.Invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks client-written attribute values before they reach a catalog; every refusal is an
 * {@link InvalidInputException} naming the field. The rules, by field name (whatever the entity type):
 * <ul>
 * <li>{@code name}: 1 to {@value #MAX_NAME} characters, not blank</li>
 * <li>{@code email}: at most {@value #MAX_EMAIL} characters, {@code local@domain.tld} shape</li>
 * <li>{@code phone}: at most {@value #MAX_PHONE} characters, at least 3 digits, only digits, spaces,
 * {@code ( ) . -} and a leading {@code +}</li>
 * <li>{@code number}: 1 to {@value #MAX_NUMBER} characters, not blank</li>
 * <li>{@code currency}: an upper-case ISO 4217 code known to {@link Currency}</li>
 * <li>{@code amount}: not negative, at most {@value #MAX_INTEGER_DIGITS} integer digits and
 * {@value #MAX_SCALE} decimals (fits {@code numeric(19,4)})</li>
 * <li>{@code metadata}: a JSON object of at most {@value #MAX_METADATA_CHARS} characters as compact JSON,
 * nested at most {@value #MAX_METADATA_DEPTH} levels</li>
 * <li>{@code dueAt}: not before {@code issuedAt} when both are set</li>
 * <li>any other text: at most {@value #MAX_TEXT} characters</li>
 * </ul>
 * Required fields must be given on create and cannot be cleared by a patch.
 */
public final class InputValidator {

	static final int MAX_NAME = 200;

	static final int MAX_EMAIL = 254;

	static final int MAX_PHONE = 32;

	static final int MAX_NUMBER = 64;

	static final int MAX_TEXT = 1000;

	static final int MAX_SCALE = 4;

	static final int MAX_INTEGER_DIGITS = 15;

	static final int MAX_METADATA_CHARS = 16 * 1024;

	static final int MAX_METADATA_DEPTH = 10;

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]+");

	private static final Pattern UPPER_CODE = Pattern.compile("[A-Z]{3}");

	/** Check the attributes of a new entity: every required field present, every value valid. */
	public void validateCreate(EntityType type, Map<String, Object> attributes) {
		for (FieldDef field : type.attributes()) {
			if (field.required() && attributes.get(field.name()) == null) {
				throw new InvalidInputException(field.name(), "is required");
			}
		}
		validateValues(type, attributes);
		validateState(attributes);
	}

	/** Check the changes of a patch: required fields are not cleared, every given value is valid. */
	public void validatePatch(EntityType type, Map<String, Object> changes) {
		changes.forEach((name, value) -> {
			if (value == null && type.field(name).required()) {
				throw new InvalidInputException(name, "is required and cannot be cleared");
			}
		});
		validateValues(type, changes);
		validateState(changes);
	}

	/**
	 * Whether a patch can break a cross-field rule only together with stored values of fields it does
	 * not give (it sets {@code issuedAt} or {@code dueAt} but not the other), so that
	 * {@link #validateState} must run on the merged state.
	 */
	public boolean needsCurrentState(Map<String, Object> changes) {
		boolean issued = changes.get(Invoice.ISSUED_AT) != null;
		boolean due = changes.get(Invoice.DUE_AT) != null;
		return (issued && !changes.containsKey(Invoice.DUE_AT)) || (due && !changes.containsKey(Invoice.ISSUED_AT));
	}

	/** Check rules across fields on the complete state of an entity (after a patch, the merged state). */
	public void validateState(Map<String, Object> state) {
		Object issuedAt = state.get(Invoice.ISSUED_AT);
		Object dueAt = state.get(Invoice.DUE_AT);
		if (issuedAt instanceof Instant issued && dueAt instanceof Instant due && due.isBefore(issued)) {
			throw new InvalidInputException(Invoice.DUE_AT, "must not be before issuedAt");
		}
	}

	private void validateValues(EntityType type, Map<String, Object> values) {
		values.forEach((name, value) -> {
			if (value != null) {
				validateValue(type.field(name), value);
			}
		});
	}

	private void validateValue(FieldDef field, Object value) {
		String name = field.name();
		switch (name) {
			case Customer.NAME -> text(name, value, MAX_NAME, true);
			case Customer.EMAIL -> email(value);
			case Customer.PHONE -> phone(value);
			case Invoice.NUMBER -> text(name, value, MAX_NUMBER, true);
			case Invoice.CURRENCY -> currency(value);
			case Invoice.AMOUNT -> amount((BigDecimal) value);
			case Customer.METADATA -> metadata(value);
			default -> {
				if (value instanceof String) {
					text(name, value, MAX_TEXT, false);
				}
			}
		}
	}

	private static String text(String field, Object value, int max, boolean notBlank) {
		String text = (String) value;
		if (notBlank && text.isBlank()) {
			throw new InvalidInputException(field, "must not be blank");
		}
		if (text.length() > max) {
			throw new InvalidInputException(field, "must be at most " + max + " characters");
		}
		return text;
	}

	private static void email(Object value) {
		String email = text(Customer.EMAIL, value, MAX_EMAIL, true);
		if (!EMAIL.matcher(email).matches()) {
			throw new InvalidInputException(Customer.EMAIL, "is not a valid email address");
		}
	}

	private static void phone(Object value) {
		String phone = text(Customer.PHONE, value, MAX_PHONE, true);
		long digits = phone.chars().filter(Character::isDigit).count();
		if (!PHONE.matcher(phone).matches() || digits < 3) {
			throw new InvalidInputException(Customer.PHONE,
					"is not a valid phone number (digits, spaces, ( ) . - and a leading +)");
		}
	}

	private static void currency(Object value) {
		String code = (String) value;
		if (!UPPER_CODE.matcher(code).matches() || !isIsoCurrency(code)) {
			throw new InvalidInputException(Invoice.CURRENCY, "must be an upper-case ISO 4217 currency code");
		}
	}

	private static boolean isIsoCurrency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void amount(BigDecimal amount) {
		if (amount.signum() < 0) {
			throw new InvalidInputException(Invoice.AMOUNT, "must not be negative");
		}
		BigDecimal normalized = amount.stripTrailingZeros();
		int scale = Math.max(normalized.scale(), 0);
		int integerDigits = normalized.precision() - normalized.scale();
		if (scale > MAX_SCALE || integerDigits > MAX_INTEGER_DIGITS) {
			throw new InvalidInputException(Invoice.AMOUNT, "must have at most " + MAX_INTEGER_DIGITS
					+ " integer digits and " + MAX_SCALE + " decimals");
		}
	}

	private static void metadata(Object value) {
		if (!(value instanceof Map<?, ?>)) {
			throw new InvalidInputException(Customer.METADATA, "must be a JSON object");
		}
		long size = jsonSize(value, 1);
		if (size > MAX_METADATA_CHARS) {
			throw new InvalidInputException(Customer.METADATA,
					"must be at most " + MAX_METADATA_CHARS + " characters as JSON");
		}
	}

	/** The length of {@code value} as compact JSON (strings counted unescaped), checking the depth. */
	private static long jsonSize(Object value, int depth) {
		if ((value instanceof Map<?, ?> || value instanceof Collection<?>) && depth > MAX_METADATA_DEPTH) {
			throw new InvalidInputException(Customer.METADATA,
					"must not be nested more than " + MAX_METADATA_DEPTH + " levels");
		}
		if (value instanceof Map<?, ?> map) {
			long size = 2 + Math.max(map.size() - 1, 0);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += String.valueOf(entry.getKey()).length() + 3 + jsonSize(entry.getValue(), depth + 1);
			}
			return size;
		}
		if (value instanceof Collection<?> list) {
			long size = 2 + Math.max(list.size() - 1, 0);
			for (Object item : list) {
				size += jsonSize(item, depth + 1);
			}
			return size;
		}
		if (value instanceof String text) {
			return text.length() + 2L;
		}
		return String.valueOf(value).length();
	}
}
