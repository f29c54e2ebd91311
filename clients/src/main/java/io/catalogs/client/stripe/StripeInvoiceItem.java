package io.catalogs.client.stripe;

/**
 * A Stripe invoice item (a line of an invoice), as far as the client needs it.
 *
 * @param id {@code ii_...}
 * @param invoice the invoice it belongs to
 * @param amount its amount in cents
 * @param currency lower-case ISO 4217 code
 */
public record StripeInvoiceItem(String id, String invoice, long amount, String currency) implements StripeObject {
}
