package io.catalogs.redis;

import io.catalogs.schema.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisValueCodecTests {

	@Test
	void decimalSortKeysOrderExactlyLikeCompareToBeyondDoublePrecision() {
		List<BigDecimal> values = new ArrayList<>();
		for (String text : List.of("0", "0.00", "-0.0", "1", "1.0", "10", "100", "1E+2", "0.1", "0.10000000000000000001",
				"0.09999999999999999999", "12345678901234567890.5", "12345678901234567890.4", "-12345678901234567890.5",
				"-12345678901234567890.4", "-1", "-1.5", "-0.5", "-0.51", "-0.05", "5", "51", "0.5", "0.51", "1E-400",
				"-1E-400", "1E+400", "-1E+400", "999999999999999999999999", "1000000000000000000000000")) {
			values.add(new BigDecimal(text));
		}
		Random random = new Random(42);
		for (int i = 0; i < 300; i++) {
			values.add(BigDecimal.valueOf(random.nextLong(), random.nextInt(40) - 20));
		}
		// sorted by key, the values must not decrease, and neighbours share a key exactly when they are equal
		values.sort(Comparator.comparing(RedisValueCodecTests::decimalKey));
		for (int i = 0; i + 1 < values.size(); i++) {
			BigDecimal a = values.get(i);
			BigDecimal b = values.get(i + 1);
			assertThat(a).as("%s (%s) before %s (%s)", a, decimalKey(a), b, decimalKey(b)).isLessThanOrEqualTo(b);
			assertThat(decimalKey(a).equals(decimalKey(b))).as("same key for %s and %s", a, b)
				.isEqualTo(a.compareTo(b) == 0);
		}
	}

	@Test
	void membersOfDecimalsOrderByValueThenId() {
		// a shorter key followed by the separator sorts below a longer key: 0.5 < 0.51 whatever the ids
		String half = decimalKey(new BigDecimal("0.5")) + "\0" + "ffffffff-ffff-ffff-ffff-ffffffffffff";
		String more = decimalKey(new BigDecimal("0.51")) + "\0" + "00000000-0000-0000-0000-000000000000";
		String lessNegative = decimalKey(new BigDecimal("-0.5")) + "\0" + "00000000-0000-0000-0000-000000000000";
		String moreNegative = decimalKey(new BigDecimal("-0.51")) + "\0" + "ffffffff-ffff-ffff-ffff-ffffffffffff";
		assertThat(half).isLessThan(more);
		assertThat(moreNegative).isLessThan(lessNegative);
	}

	@Test
	void timestampSortKeysAreFixedWidthAndOrdered() {
		List<Instant> instants = List.of(Instant.parse("1969-12-31T23:59:59.999Z"), Instant.EPOCH,
				Instant.parse("2024-03-01T10:15:30.123Z"), Instant.parse("2024-03-01T10:15:30.124Z"),
				Instant.parse("2999-01-01T00:00:00Z"));
		for (int i = 0; i + 1 < instants.size(); i++) {
			String key = RedisValueCodec.sortKey(FieldType.TIMESTAMP, instants.get(i));
			assertThat(key).hasSize(16).isLessThan(RedisValueCodec.sortKey(FieldType.TIMESTAMP, instants.get(i + 1)));
		}
	}

	@Test
	void sortKeysUsePrintableAsciiOnly() {
		for (String text : List.of("-123.456", "0", "7E+30", "-7E-30")) {
			assertThat(decimalKey(new BigDecimal(text))).matches("[\\x21-\\x7e]+");
		}
	}

	@Test
	void textFormsReadBackAsTheSameValues() {
		Map<String, Object> metadata = Map.of("tier", "gold", "score", 42, "tags", List.of("a", 7, false));
		assertRoundTrip(FieldType.STRING, "Zoë 😀 \0 tab\t");
		assertRoundTrip(FieldType.ENUM, "PAID");
		assertRoundTrip(FieldType.DECIMAL, new BigDecimal("19.90"));
		assertRoundTrip(FieldType.TIMESTAMP, Instant.parse("2024-03-01T10:15:30.123Z"));
		assertRoundTrip(FieldType.ID, UUID.randomUUID());
		assertRoundTrip(FieldType.JSON, metadata);
		assertThat(RedisValueCodec.toText(FieldType.TIMESTAMP, Instant.ofEpochMilli(1709288130123L)))
			.isEqualTo("1709288130123");
	}

	@Test
	void onlyTimestampsAndDecimalsHaveSortKeys() {
		assertThat(FieldType.values()).filteredOn(RedisValueCodec::sortable)
			.containsExactlyInAnyOrder(FieldType.TIMESTAMP, FieldType.DECIMAL);
		assertThatIllegalArgumentException().isThrownBy(() -> RedisValueCodec.sortKey(FieldType.STRING, "x"));
	}

	private static void assertRoundTrip(FieldType type, Object value) {
		Object read = RedisValueCodec.fromText(type, RedisValueCodec.toText(type, value));
		assertThat(read).isInstanceOf(type.javaType()).isEqualTo(value);
	}

	private static String decimalKey(BigDecimal value) {
		return RedisValueCodec.sortKey(FieldType.DECIMAL, value);
	}
}
