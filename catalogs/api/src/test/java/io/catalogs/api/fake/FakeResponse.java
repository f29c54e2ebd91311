package io.catalogs.api.fake;

import java.util.Map;

/**
 * What a fake vendor answers: status, headers and a JSON (or empty) body.
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param body the body text, or {@code ""}
 */
public record FakeResponse(int status, Map<String, String> headers, String body) {

	public static FakeResponse json(int status, Object body) {
		return new FakeResponse(status, Map.of("Content-Type", "application/json"), Json.write(body));
	}

	public static FakeResponse empty(int status) {
		return new FakeResponse(status, Map.of(), "");
	}

	public FakeResponse withHeader(String name, String value) {
		Map<String, String> copy = new java.util.LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new FakeResponse(this.status, copy, this.body);
	}
}
