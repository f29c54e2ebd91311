package io.catalogs.tck;

import io.catalogs.schema.Entity;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;
import io.catalogs.spi.Page;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The equality rules of the contract tests, for catalog tests that compare entities themselves.
 * Two values of a field are the same when:
 * <ul>
 * <li>{@link FieldType#DECIMAL}: equal by {@link BigDecimal#compareTo} ({@code 19.90} and {@code 19.9}
 * are the same amount; a store need not keep the scale);</li>
 * <li>{@link FieldType#JSON}: the same structure, where numbers are equal by value (a store may
 * return {@code 42} as an Integer, Long, Double or BigDecimal) and object key order does not matter;</li>
 * <li>every other type: {@link Object#equals} of the Java type of the field (timestamps to the
 * millisecond).</li>
 * </ul>
 */
public final class EntityAssertions {

	private EntityAssertions() {
	}

	/** Assert that {@code actual} is {@code expected} as the contract's equality rules see it. */
	public static void assertSameEntity(Entity actual, Entity expected) {
		assertThat(actual).as("entity %s %s", expected.type(), expected.id()).isNotNull();
		String what = expected.type() + " " + expected.id();
		assertThat(actual.type()).as("type of %s", what).isEqualTo(expected.type());
		assertThat(actual.id()).as("id of %s", what).isEqualTo(expected.id());
		assertThat(actual.version()).as("version of %s", what).isEqualTo(expected.version());
		assertThat(actual.createdAt()).as("createdAt of %s", what).isEqualTo(expected.createdAt());
		assertThat(actual.updatedAt()).as("updatedAt of %s", what).isEqualTo(expected.updatedAt());
		assertThat(actual.deleted()).as("deleted of %s", what).isEqualTo(expected.deleted());
		assertThat(actual.attributes().keySet()).as("fields with a value of %s", what)
			.containsExactlyInAnyOrderElementsOf(expected.attributes().keySet());
		for (FieldDef field : expected.type().attributes()) {
			Object expectedValue = expected.value(field.name());
			Object actualValue = actual.value(field.name());
			if (expectedValue == null) {
				continue;
			}
			assertThat(actualValue).as("%s of %s", field.name(), what).isInstanceOf(field.type().javaType());
			assertThat(normalize(field.type(), actualValue)).as("%s of %s (%s)", field.name(), what, actualValue)
				.isEqualTo(normalize(field.type(), expectedValue));
		}
	}

	/** The ids of the page's items, in order. */
	public static List<UUID> ids(Page page) {
		return page.items().stream().map(Entity::id).toList();
	}

	/** The ids of the entities, in order. */
	public static List<UUID> ids(List<Entity> entities) {
		return entities.stream().map(Entity::id).toList();
	}

	/** A value in the form that the equality rules compare with {@code equals}. */
	public static Object normalize(FieldType type, Object value) {
		return switch (type) {
			case DECIMAL -> ((BigDecimal) value).stripTrailingZeros();
			case JSON -> normalizeJson(value);
			default -> value;
		};
	}

	private static Object normalizeJson(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, item) -> sorted.put(String.valueOf(key), normalizeJson(item)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>();
			list.forEach(item -> items.add(normalizeJson(item)));
			return items;
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros();
		}
		return value;
	}
}
