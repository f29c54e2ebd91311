package io.catalogs.client.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the vendor clients: unknown response fields are ignored (vendors add fields
 * all the time) and {@code null} fields are not sent (a PATCH then changes only what was given).
 */
public final class JsonMappers {

	private static final JsonMapper VENDOR = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private JsonMappers() {
	}

	/** The shared, thread-safe mapper. */
	public static JsonMapper vendor() {
		return VENDOR;
	}
}
