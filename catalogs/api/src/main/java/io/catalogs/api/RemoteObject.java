package io.catalogs.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One object of a vendor (a Stripe customer, a HubSpot contact) in the flat form mappings work on:
 * the vendor's id and its field values by path ({@code name}, {@code metadata.gateway_id}), each of
 * the Java type its {@link io.catalogs.api.mapping.RemoteValueType} names. An absent path, a
 * {@code null} and an empty text all mean "no value": vendors clear a field with an empty text.
 *
 * <p>Written by the catalog, the same form describes the whole state to store: a path mapped to
 * {@code null} is to be cleared, a path left out is left as it is.
 *
 * @param id the vendor's id ({@code cus_...}), {@code null} for an object not created yet
 * @param fields values by path
 */
public record RemoteObject(String id, Map<String, Object> fields) {

	public RemoteObject {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
	}

	/** The value at {@code path}; {@code null} when absent, null or empty text. */
	public Object get(String path) {
		Object value = this.fields.get(path);
		return (value instanceof String text && text.isEmpty()) ? null : value;
	}

	/** The text at {@code path}, {@code null} when absent (or not text). */
	public String text(String path) {
		return (get(path) instanceof String text) ? text : null;
	}
}
