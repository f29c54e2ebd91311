package io.catalogs.api.fake;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * One request as a fake vendor server received it.
 *
 * @param sequence arrival order, from 1
 * @param receivedAtNanos {@link System#nanoTime()} at arrival
 * @param method the HTTP method
 * @param path the decoded path, without query
 * @param query decoded query parameters
 * @param headers the request headers
 * @param body the body as text (empty when none)
 */
public record FakeExchange(int sequence, long receivedAtNanos, String method, String path,
		Map<String, List<String>> query, HttpHeaders headers, String body) {

	/** The first value of query parameter {@code name}, or {@code null}. */
	public String queryParam(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	public boolean is(String method, String pathPrefix) {
		return this.method.equals(method) && this.path.startsWith(pathPrefix);
	}
}
