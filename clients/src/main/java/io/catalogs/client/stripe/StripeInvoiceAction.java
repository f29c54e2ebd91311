package io.catalogs.client.stripe;

/** The status changes of a Stripe invoice, each its own endpoint ({@code POST /v1/invoices/{id}/<action>}). */
public enum StripeInvoiceAction {

	/** draft → open; Stripe assigns the number. */
	FINALIZE("finalize"),
	/** open → paid, recorded as paid outside Stripe ({@code paid_out_of_band=true}). */
	PAY("pay"),
	/** open → void. */
	VOID("void"),
	/** open → uncollectible. */
	MARK_UNCOLLECTIBLE("mark_uncollectible");

	private final String path;

	StripeInvoiceAction(String path) {
		this.path = path;
	}

	/** The last path segment of the action's endpoint. */
	public String path() {
		return this.path;
	}
}
