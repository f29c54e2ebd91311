package io.catalogs.client.stripe;

import java.time.Instant;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The fields of an invoice create or update. On create, the invoice is a draft
 * ({@code auto_advance=false}) with one line item of {@code amount}; {@code customer} and
 * {@code currency} are required then and ignored on update (Stripe fixes them). A
 * {@code send_invoice} invoice needs a due date: {@code daysUntilDue} defaults to 30 when neither
 * is given. {@code null} fields are not sent.
 *
 * @param customer the customer's id ({@code cus_...})
 * @param currency ISO 4217 code
 * @param amount the line item's amount in the currency's smallest unit (cents)
 * @param description the memo
 * @param collectionMethod {@code send_invoice} (default) or {@code charge_automatically}
 * @param dueDate when it is due ({@code send_invoice} only)
 * @param daysUntilDue days until due, when {@code dueDate} is not given
 * @param effectiveAt the date the invoice counts from (drafts only)
 * @param metadata string pairs
 */
public record StripeInvoiceParams(String customer, String currency, Long amount, String description,
		String collectionMethod, Instant dueDate, Integer daysUntilDue, Instant effectiveAt,
		Map<String, String> metadata) {

	private static final String SEND_INVOICE = "send_invoice";

	MultiValueMap<String, String> createForm() {
		String method = (this.collectionMethod != null) ? this.collectionMethod : SEND_INVOICE;
		Integer days = this.daysUntilDue;
		if (SEND_INVOICE.equals(method) && this.dueDate == null && days == null) {
			days = 30;
		}
		return StripeForm.create()
			.add("customer", this.customer)
			.add("currency", this.currency)
			.add("auto_advance", false)
			.add("collection_method", method)
			.add("due_date", this.dueDate)
			.add("days_until_due", days)
			.add("effective_at", this.effectiveAt)
			.add("description", this.description)
			.addMap("metadata", this.metadata)
			.fields();
	}

	MultiValueMap<String, String> itemForm(String invoiceId) {
		return StripeForm.create()
			.add("customer", this.customer)
			.add("invoice", invoiceId)
			.add("amount", this.amount)
			.add("currency", this.currency)
			.add("description", this.description)
			.fields();
	}

	MultiValueMap<String, String> updateForm() {
		return StripeForm.create()
			.add("collection_method", this.collectionMethod)
			.add("due_date", this.dueDate)
			.add("days_until_due", this.daysUntilDue)
			.add("effective_at", this.effectiveAt)
			.add("description", this.description)
			.addMap("metadata", this.metadata)
			.fields();
	}
}
