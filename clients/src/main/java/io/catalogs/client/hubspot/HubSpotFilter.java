package io.catalogs.client.hubspot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One filter of a CRM search ({@code filterGroups[].filters[]}): a property, an operator and the
 * value(s) it compares with, always as text as HubSpot takes them. Datetime properties compare as
 * epoch milliseconds: {@link #millis(Instant)} gives that text.
 *
 * @param propertyName the contact property
 * @param operator how to compare
 * @param value the value of single-value operators, {@code null} otherwise
 * @param highValue the upper bound of {@link Operator#BETWEEN}, {@code null} otherwise
 * @param values the values of {@link Operator#IN} and {@link Operator#NOT_IN}, empty otherwise
 */
public record HubSpotFilter(String propertyName, Operator operator, String value, String highValue, List<String> values) {

	public HubSpotFilter {
		Objects.requireNonNull(propertyName, "propertyName");
		Objects.requireNonNull(operator, "operator");
		values = (values != null) ? List.copyOf(values) : List.of();
	}

	/** The operators of HubSpot's CRM search. */
	public enum Operator {
		/** Equal to {@code value}. */
		EQ,
		/** Not equal to {@code value}. */
		NEQ,
		/** Less than {@code value}. */
		LT,
		/** Less than or equal to {@code value}. */
		LTE,
		/** Greater than {@code value}. */
		GT,
		/** Greater than or equal to {@code value}. */
		GTE,
		/** Between {@code value} and {@code highValue}, both inclusive. */
		BETWEEN,
		/** One of {@code values}. */
		IN,
		/** None of {@code values}. */
		NOT_IN,
		/** The property has a value. */
		HAS_PROPERTY,
		/** The property has no value. */
		NOT_HAS_PROPERTY,
		/** A word of the value is {@code value} ({@code *} is a wildcard). */
		CONTAINS_TOKEN,
		/** No word of the value is {@code value}. */
		NOT_CONTAINS_TOKEN
	}

	/** {@code property} compared with one value ({@code EQ}, {@code NEQ}, {@code LT}, {@code LTE}, {@code GT}, {@code GTE}, the token operators). */
	public static HubSpotFilter of(String property, Operator operator, String value) {
		return new HubSpotFilter(property, operator, Objects.requireNonNull(value, "value"), null, null);
	}

	public static HubSpotFilter eq(String property, String value) {
		return of(property, Operator.EQ, value);
	}

	/** {@code low <= property <= high}. */
	public static HubSpotFilter between(String property, String low, String high) {
		return new HubSpotFilter(property, Operator.BETWEEN, Objects.requireNonNull(low, "low"),
				Objects.requireNonNull(high, "high"), null);
	}

	public static HubSpotFilter in(String property, List<String> values) {
		return new HubSpotFilter(property, Operator.IN, null, null, values);
	}

	public static HubSpotFilter notIn(String property, List<String> values) {
		return new HubSpotFilter(property, Operator.NOT_IN, null, null, values);
	}

	public static HubSpotFilter hasProperty(String property) {
		return new HubSpotFilter(property, Operator.HAS_PROPERTY, null, null, null);
	}

	public static HubSpotFilter notHasProperty(String property) {
		return new HubSpotFilter(property, Operator.NOT_HAS_PROPERTY, null, null, null);
	}

	/** The text HubSpot compares datetime properties by: epoch milliseconds. */
	public static String millis(Instant time) {
		return Long.toString(time.toEpochMilli());
	}

	/** The filter as the search body holds it. */
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("propertyName", this.propertyName);
		json.put("operator", this.operator.name());
		if (this.value != null) {
			json.put("value", this.value);
		}
		if (this.highValue != null) {
			json.put("highValue", this.highValue);
		}
		if (!this.values.isEmpty()) {
			json.put("values", this.values);
		}
		return json;
	}
}
