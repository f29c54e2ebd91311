package io.catalogs.client.stripe;

/** A Stripe API object: has an id, which list pages use as their {@code starting_after} cursor. */
public interface StripeObject {

	/** The object's Stripe id ({@code cus_...}, {@code in_...}). */
	String id();
}
