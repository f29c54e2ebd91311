package io.catalogs.api.fake;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON reading and writing for the fake servers. */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static Map<String, Object> read(String text) {
		return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {
		});
	}

	public static <T> T read(String text, Class<T> type) {
		return MAPPER.readValue(text, type);
	}
}
