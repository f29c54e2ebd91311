package io.catalogs.client.stripe;

import java.time.Instant;

/**
 * One Stripe event of the Events API, carrying a snapshot of the object it is about as it was right
 * after the change ({@code data.object}; for {@code *.deleted} the object as it was when deleted).
 *
 * @param id {@code evt_...}
 * @param type {@code customer.updated}, {@code invoice.paid}...
 * @param created when it happened, Unix seconds
 * @param data the object snapshot
 * @param <T> the kind of object
 */
public record StripeEvent<T extends StripeObject>(String id, String type, long created, Data<T> data)
		implements StripeObject {

	/** {@link #created()} as an instant. */
	public Instant createdAt() {
		return Instant.ofEpochSecond(this.created);
	}

	/** The object snapshot, or {@code null} when the event carries none. */
	public T object() {
		return (this.data != null) ? this.data.object() : null;
	}

	/** Whether the event reports the deletion of its object ({@code *.deleted}). */
	public boolean deletion() {
		return this.type != null && this.type.endsWith(".deleted");
	}

	/**
	 * The {@code data} of an event.
	 *
	 * @param object the object snapshot
	 * @param <T> the kind of object
	 */
	public record Data<T extends StripeObject>(T object) {
	}
}
