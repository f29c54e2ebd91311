package io.catalogs.api.mapping;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON object values as text, for vendors that hold free-form data in a text field. */
final class JsonText {

	// decimals as BigDecimal so that 0.1 comes back as written, not as the nearest double
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private JsonText() {
	}

	static String format(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * The JSON object in {@code text}.
	 * @throws IllegalArgumentException if the text is not a JSON object
	 */
	static Map<String, Object> parse(String text) {
		try {
			return MAPPER.readValue(text, OBJECT);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a JSON object", ex);
		}
	}
}
