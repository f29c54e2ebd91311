package io.catalogs.client.stripe;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Stripe invoice as the client reads it: only the fields the gateway maps. Amounts are in the
 * currency's smallest unit (cents).
 *
 * @param id {@code in_...}
 * @param customer the customer's id
 * @param number Stripe's invoice number, assigned when the invoice is finalized ({@code null} for drafts)
 * @param currency lower-case ISO 4217 code
 * @param status {@code draft}, {@code open}, {@code paid}, {@code void} or {@code uncollectible}
 * @param amountDue the amount due, in cents
 * @param total the total, in cents
 * @param created creation time, Unix seconds
 * @param dueDate due date, Unix seconds, or {@code null}
 * @param effectiveAt the date the invoice counts from, Unix seconds, or {@code null}
 * @param collectionMethod {@code send_invoice} or {@code charge_automatically}
 * @param description the memo
 * @param metadata string pairs: the catalog stores the gateway id, version and number here
 * @param deleted whether this is the stub Stripe returns for a deleted draft
 */
public record StripeInvoice(String id, String customer, String number, String currency, String status,
		@JsonProperty("amount_due") long amountDue, long total, long created, @JsonProperty("due_date") Long dueDate,
		@JsonProperty("effective_at") Long effectiveAt, @JsonProperty("collection_method") String collectionMethod,
		String description, Map<String, String> metadata, boolean deleted) implements StripeObject {

	public StripeInvoice {
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
	}

	/** {@link #created()} as an instant. */
	public Instant createdAt() {
		return Instant.ofEpochSecond(this.created);
	}

	/** {@link #dueDate()} as an instant, or {@code null}. */
	public Instant dueAt() {
		return (this.dueDate != null) ? Instant.ofEpochSecond(this.dueDate) : null;
	}

	/** {@link #effectiveAt()} as an instant, or {@code null}. */
	public Instant effectiveInstant() {
		return (this.effectiveAt != null) ? Instant.ofEpochSecond(this.effectiveAt) : null;
	}
}
