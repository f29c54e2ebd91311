package io.catalogs.client.stripe;

import java.time.Instant;
import java.util.Map;

/**
 * A Stripe customer as the client reads it: only the fields the gateway maps.
 *
 * @param id {@code cus_...}
 * @param name the customer's full name
 * @param email the email address
 * @param phone the phone number
 * @param metadata up to 50 string pairs: the catalog stores the gateway id and version here
 * @param created creation time, Unix seconds
 * @param deleted whether this is the stub Stripe returns for a deleted customer
 */
public record StripeCustomer(String id, String name, String email, String phone, Map<String, String> metadata,
		long created, boolean deleted) implements StripeObject {

	public StripeCustomer {
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
	}

	/** {@link #created()} as an instant. */
	public Instant createdAt() {
		return Instant.ofEpochSecond(this.created);
	}
}
