package io.catalogs.client.stripe;

import java.util.List;
import java.util.stream.Stream;

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

	/**
	 * The actions that move an invoice from status {@code from} to status {@code to} (Stripe's
	 * lower-case names) along Stripe's workflow: a draft is finalized first; an open invoice can be
	 * paid, voided or marked uncollectible; an uncollectible one paid or voided; {@code paid} and
	 * {@code void} are final and nothing goes back to {@code draft}. Empty when {@code from} equals
	 * {@code to}.
	 * @throws IllegalArgumentException naming both statuses when Stripe allows no way
	 */
	public static List<StripeInvoiceAction> between(String from, String to) {
		if (from.equals(to)) {
			return List.of();
		}
		if (from.equals("draft") && !to.equals("draft")) {
			List<StripeInvoiceAction> rest = to.equals("open") ? List.of() : between("open", to);
			return Stream.concat(Stream.of(FINALIZE), rest.stream()).toList();
		}
		StripeInvoiceAction action = switch (from + ">" + to) {
			case "open>paid", "uncollectible>paid" -> PAY;
			case "open>void", "uncollectible>void" -> VOID;
			case "open>uncollectible" -> MARK_UNCOLLECTIBLE;
			default -> null;
		};
		if (action == null) {
			throw new IllegalArgumentException("a Stripe invoice cannot move from " + from + " to " + to
					+ " (draft → open → paid | void | uncollectible, uncollectible → paid | void; paid and void are final)");
		}
		return List.of(action);
	}

	/** The last path segment of the action's endpoint. */
	public String path() {
		return this.path;
	}
}
