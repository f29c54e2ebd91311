package io.catalogs.client.fake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HubSpot's CRM search semantics over the fake's contacts: filter groups (OR of groups, AND within
 * one), every documented operator, and one sort. Values compare by the property's type as HubSpot
 * does: datetime properties as instants (a filter value in epoch milliseconds or ISO 8601), number
 * properties as numbers, other properties as text. A missing value meets only {@code NEQ},
 * {@code NOT_IN}, {@code NOT_CONTAINS_TOKEN} and {@code NOT_HAS_PROPERTY}. Objects with equal sort
 * values come in descending id order: an order HubSpot does not promise, so clients must not rely
 * on it.
 */
final class FakeHubSpotSearch {

	/** The datetime properties of the fake's contacts (HubSpot's own and the gateway's). */
	static final Set<String> DATETIME = Set.of("createdate", "lastmodifieddate", "catalogs_created_at", "catalogs_updated_at");

	/** The number properties of the fake's contacts. */
	static final Set<String> NUMBER = Set.of("hs_object_id", "catalogs_version");

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private FakeHubSpotSearch() {
	}

	/** A datetime as HubSpot writes it: ISO 8601 UTC with milliseconds. */
	static String format(Instant time) {
		return ISO_MILLIS.format(time);
	}

	/** A datetime property value as HubSpot accepts it (epoch milliseconds or ISO 8601), written back as HubSpot reads it. */
	static String normalize(String property, String value) {
		return (DATETIME.contains(property) && value != null && !value.isEmpty()) ? format(instant(value)) : value;
	}

	@SuppressWarnings("unchecked")
	static boolean matches(Map<String, Object> properties, List<Map<String, Object>> groups) {
		if (groups == null || groups.isEmpty()) {
			return true;
		}
		return groups.stream().anyMatch((group) -> ((List<Map<String, Object>>) group.get("filters")).stream()
			.allMatch((filter) -> matches(properties, filter)));
	}

	@SuppressWarnings("unchecked")
	private static boolean matches(Map<String, Object> properties, Map<String, Object> filter) {
		String property = (String) filter.get("propertyName");
		Object raw = properties.get(property);
		String actual = (raw != null && !raw.toString().isEmpty()) ? raw.toString() : null;
		String value = (String) filter.get("value");
		List<String> values = (List<String>) filter.getOrDefault("values", List.of());
		String operator = (String) filter.get("operator");
		if (actual == null) {
			return Set.of("NEQ", "NOT_IN", "NOT_CONTAINS_TOKEN", "NOT_HAS_PROPERTY").contains(operator);
		}
		return switch (operator) {
			case "EQ" -> compare(property, actual, value) == 0;
			case "NEQ" -> compare(property, actual, value) != 0;
			case "LT" -> compare(property, actual, value) < 0;
			case "LTE" -> compare(property, actual, value) <= 0;
			case "GT" -> compare(property, actual, value) > 0;
			case "GTE" -> compare(property, actual, value) >= 0;
			case "BETWEEN" -> compare(property, actual, value) >= 0
					&& compare(property, actual, (String) filter.get("highValue")) <= 0;
			case "IN" -> values.stream().anyMatch((candidate) -> compare(property, actual, candidate) == 0);
			case "NOT_IN" -> values.stream().noneMatch((candidate) -> compare(property, actual, candidate) == 0);
			case "HAS_PROPERTY" -> true;
			case "NOT_HAS_PROPERTY" -> false;
			case "CONTAINS_TOKEN" -> containsToken(actual, value);
			case "NOT_CONTAINS_TOKEN" -> !containsToken(actual, value);
			default -> throw new IllegalArgumentException("unknown operator " + operator);
		};
	}

	/** The order of one {@code sorts} entry, ties by descending id. */
	@SuppressWarnings("unchecked")
	static Comparator<Map<String, Object>> order(Map<String, Object> sort) {
		String property = (String) sort.get("propertyName");
		Comparator<Map<String, Object>> byValue = (a, b) -> {
			Object x = ((Map<String, Object>) a.get("properties")).get(property);
			Object y = ((Map<String, Object>) b.get("properties")).get(property);
			if (x == null || y == null) {
				return (x == null) ? ((y == null) ? 0 : 1) : -1;
			}
			return compare(property, x.toString(), y.toString());
		};
		if ("DESCENDING".equals(sort.get("direction"))) {
			byValue = byValue.reversed();
		}
		return byValue.thenComparing((Map<String, Object> contact) -> Long.parseLong((String) contact.get("id")),
				Comparator.reverseOrder());
	}

	private static int compare(String property, String actual, String value) {
		if (value == null) {
			throw new IllegalArgumentException("filter on " + property + " has no value");
		}
		if (DATETIME.contains(property)) {
			return instant(actual).compareTo(instant(value));
		}
		if (NUMBER.contains(property)) {
			return new BigDecimal(actual).compareTo(new BigDecimal(value));
		}
		return actual.compareTo(value);
	}

	private static boolean containsToken(String actual, String token) {
		Pattern pattern = Pattern.compile(Pattern.quote(token.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"));
		return List.of(actual.toLowerCase(Locale.ROOT).split("[\\s@.,;:_\\-]+")).stream()
			.anyMatch((word) -> pattern.matcher(word).matches()) || pattern.matcher(actual.toLowerCase(Locale.ROOT)).matches();
	}

	private static Instant instant(String value) {
		if (value.chars().allMatch(Character::isDigit)) {
			return Instant.ofEpochMilli(Long.parseLong(value));
		}
		return OffsetDateTime.parse(value).toInstant();
	}
}
