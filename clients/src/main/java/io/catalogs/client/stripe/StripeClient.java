package io.catalogs.client.stripe;

import java.util.Map;

import io.catalogs.client.http.AuthStrategy;
import io.catalogs.client.http.ClientHealth;
import io.catalogs.client.http.VendorConventions;
import io.catalogs.client.http.VendorHttpClient;

/**
 * The Stripe API client of one catalog: {@link #customers()} and {@link #invoices()}. Authenticates
 * with the secret key as a bearer token, pins {@code Stripe-Version}, sends form-encoded bodies,
 * and makes every create idempotent with an {@code Idempotency-Key} derived from the sync event.
 * Thread-safe; create one per configured catalog.
 */
public final class StripeClient {

	private final VendorHttpClient http;

	private final StripeCustomers customers;

	private final StripeInvoices invoices;

	private final StripeEvents events;

	private StripeClient(VendorHttpClient http) {
		this.http = http;
		this.customers = new StripeCustomers(http);
		this.invoices = new StripeInvoices(http);
		this.events = new StripeEvents(http);
	}

	/** A client named {@code stripe/<instance>} (use the catalog name). */
	public static StripeClient create(String instance, StripeSettings settings) {
		VendorConventions conventions = VendorConventions.of("stripe", "Request-Id")
			.withDefaultHeaders(Map.of("Stripe-Version", settings.apiVersion()))
			.withErrors(StripeErrors.classifier());
		return new StripeClient(VendorHttpClient.create(instance, conventions, settings.http(),
				AuthStrategy.bearer(settings.apiKey())));
	}

	/** Customers: {@code /v1/customers}. */
	public StripeCustomers customers() {
		return this.customers;
	}

	/** Invoices and their line items: {@code /v1/invoices}, {@code /v1/invoiceitems}. */
	public StripeInvoices invoices() {
		return this.invoices;
	}

	/** The Events API: what changed since a time ({@code /v1/events}). */
	public StripeEvents events() {
		return this.events;
	}

	/** The circuit breaker and rate limiter state of this client. */
	public ClientHealth health() {
		return this.http.health();
	}

	/** The underlying plumbing, for metrics binding. */
	public VendorHttpClient http() {
		return this.http;
	}
}
