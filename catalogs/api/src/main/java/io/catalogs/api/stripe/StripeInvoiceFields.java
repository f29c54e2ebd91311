package io.catalogs.api.stripe;

import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.MappingException;
import io.catalogs.client.stripe.StripeInvoice;
import io.catalogs.client.stripe.StripeInvoiceParams;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The flat form of a Stripe invoice ({@link StripeInvoiceCollection}'s paths) in both directions.
 * Three metadata keys are the adapter's own and never appear as paths: {@code gateway_amount_exact}
 * (the amount as written, when it has more decimals than the currency's smallest unit),
 * {@code gateway_due_at_exact} (the due time with its milliseconds, as Stripe keeps whole seconds;
 * {@code none} for no due date, as a {@code send_invoice} invoice always has one at Stripe) and
 * {@code gateway_deleted} (set on invoices deleted at the gateway that Stripe cannot delete).
 *
 * @param fields values by path, as the catalog writes them
 */
record StripeInvoiceFields(Map<String, Object> fields) {

	static final String METADATA = "metadata.";

	static final String AMOUNT_EXACT = "gateway_amount_exact";

	static final String DUE_EXACT = "gateway_due_at_exact";

	static final String DELETED = "gateway_deleted";

	private static final String NO_DUE_DATE = "none";

	private static final Set<String> RESERVED = Set.of(AMOUNT_EXACT, DUE_EXACT, DELETED);

	static StripeInvoiceFields of(Map<String, Object> fields) {
		for (String path : fields.keySet()) {
			if (path.startsWith(METADATA) && RESERVED.contains(path.substring(METADATA.length()))) {
				throw new MappingException("metadata key " + path.substring(METADATA.length())
						+ " is the Stripe invoice adapter's own: map the field to another key");
			}
		}
		return new StripeInvoiceFields(fields);
	}

	/** Whether the invoice is not marked deleted by the gateway. */
	static boolean live(StripeInvoice invoice) {
		return !"true".equals(invoice.metadata().get(DELETED));
	}

	static StripeInvoiceParams deletedMarker() {
		return new StripeInvoiceParams(null, null, null, null, null, null, null, null, Map.of(DELETED, "true"));
	}

	static RemoteObject toRemote(StripeInvoice invoice) {
		Map<String, Object> out = new LinkedHashMap<>();
		String currency = (invoice.currency() != null) ? invoice.currency() : "usd";
		out.put("id", invoice.id());
		out.put("customer", invoice.customer());
		out.put("currency", invoice.currency());
		out.put("amount", StripeAmounts.read(invoice.total(), currency, invoice.metadata().get(AMOUNT_EXACT)));
		out.put("status", invoice.status());
		out.put("due_date", dueAt(invoice));
		out.put("description", invoice.description());
		out.put("number", invoice.number());
		out.put("amount_due", invoice.amountDue());
		out.put("created", invoice.created());
		invoice.metadata().forEach((key, value) -> {
			if (!RESERVED.contains(key)) {
				out.put(METADATA + key, value);
			}
		});
		return new RemoteObject(invoice.id(), out);
	}

	/** The due time: the exact one written when it is still Stripe's due date, else Stripe's. */
	private static Instant dueAt(StripeInvoice invoice) {
		String exact = invoice.metadata().get(DUE_EXACT);
		if (NO_DUE_DATE.equals(exact)) {
			return null;
		}
		if (exact != null && invoice.dueDate() != null) {
			try {
				Instant written = Instant.parse(exact);
				if (written.getEpochSecond() == invoice.dueDate()) {
					return written;
				}
			}
			catch (DateTimeParseException ex) {
				// edited at Stripe: Stripe's due date counts
			}
		}
		return invoice.dueAt();
	}

	String status(String otherwise) {
		Object status = this.fields.get("status");
		return (status != null) ? (String) status : otherwise;
	}

	String currency() {
		return (String) this.fields.get("currency");
	}

	BigDecimal amount(StripeInvoice current) {
		Object amount = this.fields.get("amount");
		return (amount != null) ? (BigDecimal) amount : StripeAmounts.fromMinor(current.total(), current.currency());
	}

	Instant dueDate() {
		return (Instant) this.fields.get("due_date");
	}

	/** Whether the customer or currency differ from {@code current}'s (Stripe fixes both when an invoice is created). */
	boolean fixedFieldsDiffer(StripeInvoice current) {
		Object customer = this.fields.get("customer");
		String currency = currency();
		return (customer != null && !customer.equals(current.customer()))
				|| (currency != null && !currency.equalsIgnoreCase(current.currency()));
	}

	StripeInvoiceParams createParams() {
		String customer = (String) this.fields.get("customer");
		String currency = currency();
		BigDecimal amount = (BigDecimal) this.fields.get("amount");
		if (customer == null || currency == null || amount == null) {
			throw new MappingException("a Stripe invoice needs a customer, a currency and an amount");
		}
		return new StripeInvoiceParams(customer, currency, StripeAmounts.toMinor(amount, currency),
				(String) this.fields.get("description"), null, dueDate(), null, null, metadata(false));
	}

	StripeInvoiceParams updateParams() {
		String description = this.fields.containsKey("description")
				? ((this.fields.get("description") != null) ? (String) this.fields.get("description") : "") : null;
		return new StripeInvoiceParams(null, null, null, description, null, null, null, null, metadata(true));
	}

	/** The metadata to write; on update an empty text clears a key (Stripe's way). */
	private Map<String, String> metadata(boolean update) {
		Map<String, String> metadata = new LinkedHashMap<>();
		this.fields.forEach((path, value) -> {
			if (path.startsWith(METADATA) && (value != null || update)) {
				metadata.put(path.substring(METADATA.length()), (value != null) ? (String) value : "");
			}
		});
		BigDecimal amount = (BigDecimal) this.fields.get("amount");
		if (amount != null) {
			metadata.put(AMOUNT_EXACT, amount.toPlainString());
		}
		Instant due = dueDate();
		metadata.put(DUE_EXACT, (due != null) ? due.toString() : NO_DUE_DATE);
		return metadata;
	}
}
