package io.catalogs.client.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A key that makes a create safe to repeat: derived from the sync event (entity type, entity id,
 * version, operation), so a retry after a timeout, a redelivered event or a restarted gateway sends
 * the same key and the vendor returns the first result instead of creating a second object.
 * At most 50 characters, the smallest limit of the vendors (QuickBooks {@code requestid}).
 *
 * @param value the key as sent
 */
public record IdempotencyKey(String value) {

	private static final int MAX_LENGTH = 50;

	public IdempotencyKey {
		Objects.requireNonNull(value, "value");
		if (value.isBlank() || value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_LENGTH + " characters");
		}
	}

	/** The key of one sync event: the same arguments always give the same key. */
	public static IdempotencyKey forEvent(String entityType, String entityId, long version, String operation) {
		return hashed(entityType + '|' + entityId + '|' + version + '|' + operation);
	}

	/** A key given by the caller as is. */
	public static IdempotencyKey of(String value) {
		return new IdempotencyKey(value);
	}

	/**
	 * The key of one step of a multi-call operation (a Stripe invoice and its line item), distinct
	 * from this key and from other steps, and as stable as this key.
	 */
	public IdempotencyKey step(String step) {
		return hashed(this.value + '|' + step);
	}

	private static IdempotencyKey hashed(String source) {
		return new IdempotencyKey("catalogs-" + UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public String toString() {
		return this.value;
	}
}
