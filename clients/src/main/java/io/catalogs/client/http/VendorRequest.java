package io.catalogs.client.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;

/**
 * One HTTP call a vendor client wants made: method, path below the base URL, query parameters
 * (given raw: the client encodes them), an optional body (an object sent as JSON, or a
 * {@link MultiValueMap} sent as {@code application/x-www-form-urlencoded}) and extra headers.
 * Immutable: the {@code with...} methods return changed copies.
 *
 * @param method the HTTP method
 * @param path the path appended to the base URL, starting with {@code /}, already encoded (encode
 *        ids with {@link #segment(String)})
 * @param query raw (unencoded) query parameters
 * @param body the body, or {@code null}
 * @param headers extra request headers (never {@code Authorization}: that comes from the auth strategy)
 */
public record VendorRequest(HttpMethod method, String path, MultiValueMap<String, String> query, Object body,
		HttpHeaders headers) {

	/** The header Stripe (and others following its convention) read the idempotency key from. */
	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	public VendorRequest {
		Objects.requireNonNull(method, "method");
		if (path == null || !path.startsWith("/")) {
			throw new IllegalArgumentException("path must start with /: " + path);
		}
		query = (query != null) ? query : new LinkedMultiValueMap<>();
		headers = (headers != null) ? headers : new HttpHeaders();
	}

	public static VendorRequest get(String path) {
		return new VendorRequest(HttpMethod.GET, path, null, null, null);
	}

	public static VendorRequest post(String path, Object body) {
		return new VendorRequest(HttpMethod.POST, path, null, body, null);
	}

	public static VendorRequest patch(String path, Object body) {
		return new VendorRequest(HttpMethod.PATCH, path, null, body, null);
	}

	public static VendorRequest delete(String path) {
		return new VendorRequest(HttpMethod.DELETE, path, null, null, null);
	}

	/** {@code value} encoded as one path segment (ids may hold characters such as {@code /} or space). */
	public static String segment(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	/** This request with query parameter {@code name} added; a {@code null} value adds nothing. */
	public VendorRequest withQuery(String name, Object value) {
		if (value == null) {
			return this;
		}
		MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(this.query);
		copy.add(name, value.toString());
		return new VendorRequest(this.method, this.path, copy, this.body, this.headers);
	}

	/** This request with header {@code name} set; a {@code null} value sets nothing. */
	public VendorRequest withHeader(String name, String value) {
		if (value == null) {
			return this;
		}
		HttpHeaders copy = new HttpHeaders();
		copy.addAll(this.headers);
		copy.set(name, value);
		return new VendorRequest(this.method, this.path, this.query, this.body, copy);
	}

	/** This request carrying {@code key} in the {@code Idempotency-Key} header. */
	public VendorRequest withIdempotencyKey(IdempotencyKey key) {
		return (key != null) ? withHeader(IDEMPOTENCY_KEY_HEADER, key.value()) : this;
	}

	/** How the call is named in logs and exception messages: method and path, no query. */
	public String operation() {
		return this.method.name() + " " + this.path;
	}
}
