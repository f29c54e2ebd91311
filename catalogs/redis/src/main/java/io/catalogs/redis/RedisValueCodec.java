package io.catalogs.redis;

import io.catalogs.schema.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where field values become Redis text and back: the hash form of every
 * {@link FieldType}, and the order-preserving <em>sort key</em> of the types that have a sort index.
 *
 * <p>Sort keys compare byte-wise (as Redis compares members of a lexicographic sorted set) exactly as
 * the values compare in Java, never contain a byte below {@code 0x20}, and are equal for values that
 * compare equal (so that the id breaks the tie): timestamps are 16 hex digits of the epoch
 * milliseconds with the sign bit flipped; decimals are a sign class, a fixed-width exponent and the
 * significant digits (inverted and terminated for negative numbers), which is exact at any precision,
 * unlike a sorted-set score (a double).
 */
final class RedisValueCodec {

	private static final JsonMapper JSON = JsonMapper.shared();

	private RedisValueCodec() {
	}

	/** The hash text of a non-null value of {@code type}. */
	static String toText(FieldType type, Object value) {
		return switch (type) {
			case STRING, ENUM -> (String) value;
			case DECIMAL -> ((BigDecimal) value).toPlainString();
			case TIMESTAMP -> Long.toString(((Instant) value).toEpochMilli());
			case ID -> value.toString();
			case JSON -> JSON.writeValueAsString(value);
		};
	}

	/** The value of {@code type} read back from its hash text. */
	static Object fromText(FieldType type, String text) {
		return switch (type) {
			case STRING, ENUM -> text;
			case DECIMAL -> new BigDecimal(text);
			case TIMESTAMP -> Instant.ofEpochMilli(Long.parseLong(text));
			case ID -> UUID.fromString(text);
			case JSON -> JSON.readValue(text, Map.class);
		};
	}

	/** The JSON text of a map, list or scalar (the payload of a script call). */
	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** Whether values of {@code type} have a sort key (and so a sort index). */
	static boolean sortable(FieldType type) {
		return type == FieldType.TIMESTAMP || type == FieldType.DECIMAL;
	}

	/** The order-preserving key of a non-null value of a {@link #sortable} type. */
	static String sortKey(FieldType type, Object value) {
		return switch (type) {
			case TIMESTAMP -> hex(((Instant) value).toEpochMilli());
			case DECIMAL -> decimalKey((BigDecimal) value);
			default -> throw new IllegalArgumentException(type + " values have no sort key");
		};
	}

	/** 16 lower-case hex digits whose text order is the signed order of {@code value}. */
	private static String hex(long value) {
		String digits = Long.toHexString(value ^ Long.MIN_VALUE);
		return "0".repeat(16 - digits.length()) + digits;
	}

	/**
	 * A decimal as {@code 0.d1d2...dn x 10^e} with no trailing zero digit: zero is {@code "2"};
	 * positives are {@code "3"}, the exponent, then the digits (a shorter digit string is a prefix of
	 * the longer and smaller value, and the id separator sorts below every digit); negatives are
	 * {@code "1"}, the inverted exponent, the nines' complement of the digits and a {@code '~'} that
	 * sorts above every digit, so that a larger magnitude gives a smaller key.
	 */
	private static String decimalKey(BigDecimal value) {
		if (value.signum() == 0) {
			return "2";
		}
		BigDecimal normal = value.stripTrailingZeros();
		String digits = normal.unscaledValue().abs().toString();
		long exponent = (long) digits.length() - normal.scale();
		if (value.signum() > 0) {
			return "3" + hex(exponent) + digits;
		}
		StringBuilder inverted = new StringBuilder("1").append(hex(-exponent));
		for (int i = 0; i < digits.length(); i++) {
			inverted.append((char) ('9' - digits.charAt(i) + '0'));
		}
		return inverted.append('~').toString();
	}
}
