package io.catalogs.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several text values kept in one free-text field of a vendor object as a JSON object
 * ({@code {"createdAt":"...","metadata":"{...}"}}), for vendors without a custom field per value
 * (Salesforce's {@code Catalogs_Metadata__c}, QuickBooks' {@code Notes}): adapters expose its keys
 * as paths {@code <field>.<key>}. A field holding anything but such an object reads as empty.
 */
public final class JsonEnvelope {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private JsonEnvelope() {
	}

	/** The values held in {@code text}, by key; empty when the text is absent or not a JSON object. */
	public static Map<String, String> unpack(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return values;
		}
		try {
			MAPPER.readValue(text, OBJECT).forEach((key, value) -> {
				if (value != null) {
					values.put(key, value.toString());
				}
			});
		}
		catch (RuntimeException ex) {
			// free text written by people at the vendor: holds none of our values
		}
		return values;
	}

	/** The text holding {@code values} ({@code null} ones left out), keys sorted; {@code null} when none is left. */
	public static String pack(Map<String, ?> values) {
		Map<String, Object> present = new TreeMap<>();
		values.forEach((key, value) -> {
			if (value != null) {
				present.put(key, value);
			}
		});
		return present.isEmpty() ? null : MAPPER.writeValueAsString(present);
	}

	/** The keys below {@code field.} in {@code fields}, by key, values as given. */
	public static Map<String, Object> below(String field, Map<String, Object> fields) {
		String prefix = field + ".";
		Map<String, Object> values = new LinkedHashMap<>();
		fields.forEach((path, value) -> {
			if (path.startsWith(prefix)) {
				values.put(path.substring(prefix.length()), value);
			}
		});
		return values;
	}
}
