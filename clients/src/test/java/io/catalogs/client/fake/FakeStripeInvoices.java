package io.catalogs.client.fake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes of Stripe invoice and invoice item objects, with every field the OpenAPI file requires. */
final class FakeStripeInvoices {

	private FakeStripeInvoices() {
	}

	static Map<String, Object> draft(String id, Map<String, Object> form, long now) {
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("id", id);
		invoice.put("object", "invoice");
		invoice.put("customer", form.get("customer"));
		invoice.put("currency", form.get("currency"));
		invoice.put("status", "draft");
		invoice.put("number", null);
		invoice.put("collection_method", form.getOrDefault("collection_method", "charge_automatically"));
		invoice.put("description", form.get("description"));
		invoice.put("due_date", asLong(form.get("due_date")));
		if (invoice.get("due_date") == null && form.get("days_until_due") != null) {
			invoice.put("due_date", now + 86400 * Long.parseLong((String) form.get("days_until_due")));
		}
		invoice.put("effective_at", asLong(form.get("effective_at")));
		invoice.put("metadata", new LinkedHashMap<>((Map<?, ?>) form.getOrDefault("metadata", Map.of())));
		invoice.put("created", now);
		invoice.put("livemode", false);
		invoice.put("period_start", now);
		invoice.put("period_end", now);
		for (String zero : List.of("amount_due", "amount_paid", "amount_remaining", "amount_shipping", "attempt_count",
				"post_payment_credit_notes_amount", "pre_payment_credit_notes_amount", "starting_balance", "subtotal", "total")) {
			invoice.put(zero, 0L);
		}
		invoice.put("attempted", false);
		invoice.put("paid", false);
		invoice.put("paid_out_of_band", false);
		Map<String, Object> automaticTax = new LinkedHashMap<>();
		automaticTax.put("enabled", false);
		automaticTax.put("status", null);
		invoice.put("automatic_tax", automaticTax);
		invoice.put("default_tax_rates", List.of());
		invoice.put("total_tax_amounts", List.of());
		invoice.put("payment_settings", Map.of());
		invoice.put("status_transitions", Map.of());
		invoice.put("lines", Map.of("object", "list", "data", List.of(), "has_more", false, "url", "/v1/invoices/" + id + "/lines"));
		return invoice;
	}

	static Map<String, Object> item(String id, Map<String, Object> form, long now) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", id);
		item.put("object", "invoiceitem");
		item.put("amount", Long.parseLong((String) form.get("amount")));
		item.put("currency", form.get("currency"));
		item.put("customer", form.get("customer"));
		item.put("invoice", form.get("invoice"));
		item.put("description", form.get("description"));
		item.put("date", now);
		item.put("discountable", true);
		item.put("livemode", false);
		item.put("period", Map.of("start", now, "end", now));
		item.put("proration", false);
		item.put("quantity", 1);
		return item;
	}

	static void recompute(Map<String, Object> invoice, Collection<Map<String, Object>> items) {
		long total = 0;
		List<Map<String, Object>> lines = new ArrayList<>();
		for (Map<String, Object> item : items) {
			if (invoice.get("id").equals(item.get("invoice"))) {
				total += (Long) item.get("amount");
				lines.add(Map.of("id", "il_" + item.get("id"), "object", "line_item", "amount", item.get("amount")));
			}
		}
		for (String field : List.of("amount_due", "amount_remaining", "subtotal", "total")) {
			invoice.put(field, total);
		}
		invoice.put("lines", Map.of("object", "list", "data", lines, "has_more", false, "url", "/v1/invoices/" + invoice.get("id") + "/lines"));
	}

	/**
	 * Applies {@code action} ({@code finalize}, {@code pay}, {@code void}, {@code mark_uncollectible})
	 * where Stripe's workflow allows it and returns the event it records; {@code null} when the
	 * invoice's status does not allow the action.
	 */
	static String transition(Map<String, Object> invoice, String action, Map<String, Object> form, long now) {
		String status = (String) invoice.get("status");
		Map<String, Object> transitions = new LinkedHashMap<>();
		if (invoice.get("status_transitions") instanceof Map<?, ?> existing) {
			existing.forEach((name, value) -> transitions.put((String) name, value));
		}
		String event;
		switch (action) {
			case "finalize" -> {
				if (!"draft".equals(status)) {
					return null;
				}
				invoice.put("status", "open");
				invoice.put("number", "FAKE-" + invoice.get("id"));
				transitions.put("finalized_at", now);
				event = "invoice.finalized";
			}
			case "pay" -> {
				if (!"open".equals(status) && !"uncollectible".equals(status)) {
					return null;
				}
				invoice.put("status", "paid");
				invoice.put("paid", true);
				invoice.put("paid_out_of_band", "true".equals(form.get("paid_out_of_band")));
				invoice.put("amount_paid", invoice.get("amount_due"));
				invoice.put("amount_remaining", 0L);
				transitions.put("paid_at", now);
				event = "invoice.paid";
			}
			case "void" -> {
				if (!"open".equals(status) && !"uncollectible".equals(status)) {
					return null;
				}
				invoice.put("status", "void");
				invoice.put("amount_remaining", 0L);
				transitions.put("voided_at", now);
				event = "invoice.voided";
			}
			case "mark_uncollectible" -> {
				if (!"open".equals(status)) {
					return null;
				}
				invoice.put("status", "uncollectible");
				transitions.put("marked_uncollectible_at", now);
				event = "invoice.marked_uncollectible";
			}
			default -> {
				return null;
			}
		}
		invoice.put("status_transitions", transitions);
		return event;
	}

	private static Long asLong(Object value) {
		return (value != null) ? Long.parseLong((String) value) : null;
	}
}
