package io.catalogs.client.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's customers, invoices and invoice items as its API reference describes them (API version
 * 2023-08-16): form-encoded bodies, bearer secret key, {@code Idempotency-Key} on POST (same key and
 * body replay the first response; same key, other body is a 400), lists newest first with
 * {@code starting_after}/{@code has_more}, search by {@code metadata['k']:'v'}, deleted stubs. Invoices
 * move only along Stripe's status workflow (finalize a draft; pay, void or mark uncollectible an open
 * invoice; pay or void an uncollectible one), and only a draft's line items change. Every write
 * records an event, served by {@code GET /v1/events} ({@link FakeStripeEvents}).
 */
public final class FakeStripe implements FakeVendor {

	private static final Pattern SEARCH = Pattern.compile("metadata\\['(.+)'\\]:'(.*)'");

	private final String apiKey;

	private final Map<String, Map<String, Object>> customers = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> invoices = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> items = new LinkedHashMap<>();

	private final Map<String, Replay> idempotency = new HashMap<>();

	private final FakeStripeEvents events = new FakeStripeEvents();

	private int nextId;

	public FakeStripe(String apiKey) {
		this.apiKey = apiKey;
	}

	@Override
	public void reset() {
		this.customers.clear();
		this.invoices.clear();
		this.items.clear();
		this.idempotency.clear();
		this.events.reset();
	}

	/** Every event recorded so far, oldest first. */
	public List<Map<String, Object>> events() {
		return this.events.all();
	}

	/** Pins the time (Unix seconds) of the next objects and events; {@link #reset()} restores the real clock. */
	public void clock(LongSupplier seconds) {
		this.events.clock(seconds);
	}

	public List<Map<String, Object>> customers() {
		return this.customers.values().stream().filter(FakeStripe::live).toList();
	}

	public List<Map<String, Object>> invoices() {
		return List.copyOf(this.invoices.values());
	}

	public List<Map<String, Object>> invoiceItems() {
		return List.copyOf(this.items.values());
	}

	@Override
	public FakeResponse handle(FakeExchange request) {
		if (!("Bearer " + this.apiKey).equals(request.headers().getFirst("Authorization"))) {
			return error(401, "invalid_request_error", "Invalid API Key provided");
		}
		String key = request.headers().getFirst("Idempotency-Key");
		if (key != null && request.method().equals("POST")) {
			String fingerprint = request.path() + "?" + request.body();
			Replay replay = this.idempotency.get(key);
			if (replay != null) {
				return replay.fingerprint().equals(fingerprint) ? replay.response().withHeader("Idempotent-Replayed", "true")
						: error(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters");
			}
			FakeResponse response = route(request);
			if (response.status() < 500) {
				this.idempotency.put(key, new Replay(fingerprint, response));
			}
			return response;
		}
		return route(request);
	}

	private FakeResponse route(FakeExchange request) {
		String[] parts = request.path().substring(1).split("/");
		String key = request.headers().getFirst("Idempotency-Key");
		if (parts.length == 2 && parts[1].equals("events") && request.method().equals("GET")) {
			return this.events.list(request);
		}
		Map<String, Object> form = FormBodies.parse(request.body());
		String method = request.method();
		String collection = (parts.length > 1) ? parts[1] : "";
		String id = (parts.length > 2) ? parts[2] : null;
		Map<String, Map<String, Object>> store = switch (collection) {
			case "customers" -> this.customers;
			case "invoices" -> this.invoices;
			case "invoiceitems" -> this.items;
			default -> null;
		};
		if (store == null) {
			return error(404, "invalid_request_error", "Unrecognized request URL");
		}
		if ("search".equals(id)) {
			return search(store, collection, request.queryParam("query"));
		}
		if (id == null) {
			return method.equals("GET") ? list(store, collection, request) : create(collection, form, key);
		}
		Map<String, Object> object = store.get(id);
		if (object == null || (!live(object) && !method.equals("GET"))) {
			return error(404, "invalid_request_error", "No such " + collection + ": '" + id + "'");
		}
		if (parts.length > 3) {
			return transition(object, parts[3], form, key);
		}
		return switch (method) {
			case "GET" -> FakeResponse.json(200, object);
			case "DELETE" -> delete(store, object, key);
			default -> update(object, form, key);
		};
	}

	private FakeResponse create(String collection, Map<String, Object> form, String key) {
		long now = this.events.now();
		Map<String, Object> object = new LinkedHashMap<>();
		switch (collection) {
			case "customers" -> {
				object.put("id", "cus_" + (++this.nextId));
				object.put("object", "customer");
				object.put("created", now);
				object.put("livemode", false);
				object.put("name", form.get("name"));
				object.put("email", form.get("email"));
				object.put("phone", form.get("phone"));
				object.put("metadata", new LinkedHashMap<>(metadata(form)));
				this.customers.put((String) object.get("id"), object);
			}
			case "invoices" -> {
				if (!this.customers.containsKey(form.get("customer")) || !live(this.customers.get(form.get("customer")))) {
					return error(400, "invalid_request_error", "No such customer");
				}
				object.putAll(FakeStripeInvoices.draft("in_" + (++this.nextId), form, now));
				this.invoices.put((String) object.get("id"), object);
			}
			default -> {
				Map<String, Object> invoice = this.invoices.get(form.get("invoice"));
				if (invoice == null || !"draft".equals(invoice.get("status"))) {
					return error(400, "invalid_request_error", "Invoice must be a draft");
				}
				object.putAll(FakeStripeInvoices.item("ii_" + (++this.nextId), form, now));
				this.items.put((String) object.get("id"), object);
				this.events.record("invoiceitem.created", object, key);
				FakeStripeInvoices.recompute(invoice, this.items.values());
				this.events.record("invoice.updated", invoice, key);
				return FakeResponse.json(200, object);
			}
		}
		this.events.record(object.get("object") + ".created", object, key);
		return FakeResponse.json(200, object);
	}

	private FakeResponse update(Map<String, Object> object, Map<String, Object> form, String key) {
		Map<String, Object> invoice = "invoiceitem".equals(object.get("object")) ? this.invoices.get(object.get("invoice")) : null;
		if (invoice != null && !"draft".equals(invoice.get("status"))) {
			return error(400, "invalid_request_error", "You can only update invoice items of draft invoices");
		}
		form.forEach((name, value) -> {
			if (name.equals("metadata") && value instanceof Map<?, ?> changes) {
				@SuppressWarnings("unchecked")
				Map<String, Object> current = (Map<String, Object>) object.computeIfAbsent("metadata", (k) -> new LinkedHashMap<>());
				changes.forEach((k, v) -> {
					if ("".equals(v)) {
						current.remove(k);
					}
					else {
						current.put((String) k, v);
					}
				});
			}
			else if (name.equals("amount") || name.equals("due_date") || name.equals("effective_at")) {
				object.put(name, Long.parseLong((String) value));
			}
			else if (!name.equals("expand")) {
				object.put(name, value);
			}
		});
		this.events.record(object.get("object") + ".updated", object, key);
		if (invoice != null) {
			FakeStripeInvoices.recompute(invoice, this.items.values());
			this.events.record("invoice.updated", invoice, key);
		}
		return FakeResponse.json(200, object);
	}

	private FakeResponse transition(Map<String, Object> invoice, String action, Map<String, Object> form, String key) {
		if (!"invoice".equals(invoice.get("object"))) {
			return error(404, "invalid_request_error", "Unrecognized request URL");
		}
		String status = (String) invoice.get("status");
		String event = FakeStripeInvoices.transition(invoice, action, form, this.events.now());
		if (event == null) {
			return error(400, "invalid_request_error", "You cannot " + action + " an invoice with status " + status);
		}
		this.events.record(event, invoice, key);
		return FakeResponse.json(200, invoice);
	}

	private FakeResponse delete(Map<String, Map<String, Object>> store, Map<String, Object> object, String key) {
		if ("invoice".equals(object.get("object")) && !"draft".equals(object.get("status"))) {
			return error(400, "invalid_request_error", "You can only delete draft invoices");
		}
		this.events.record(object.get("object") + ".deleted", object, key);
		Map<String, Object> stub = Map.of("id", object.get("id"), "object", object.get("object"), "deleted", true);
		if ("customer".equals(object.get("object"))) {
			store.put((String) object.get("id"), new LinkedHashMap<>(stub));
		}
		else {
			store.remove(object.get("id"));
		}
		return FakeResponse.json(200, stub);
	}

	private static boolean live(Map<String, Object> object) {
		return !Boolean.TRUE.equals(object.get("deleted"));
	}

	private FakeResponse list(Map<String, Map<String, Object>> store, String collection, FakeExchange request) {
		List<Map<String, Object>> all = new ArrayList<>(store.values());
		java.util.Collections.reverse(all);
		List<Map<String, Object>> matching = all.stream()
			.filter(FakeStripe::live)
			.filter((o) -> matches(o, "email", request.queryParam("email")))
			.filter((o) -> matches(o, "customer", request.queryParam("customer")))
			.filter((o) -> matches(o, "status", request.queryParam("status")))
			.filter((o) -> matches(o, "invoice", request.queryParam("invoice")))
			.toList();
		int start = 0;
		String after = request.queryParam("starting_after");
		if (after != null) {
			for (int i = 0; i < matching.size(); i++) {
				if (matching.get(i).get("id").equals(after)) {
					start = i + 1;
				}
			}
		}
		int limit = (request.queryParam("limit") != null) ? Integer.parseInt(request.queryParam("limit")) : 10;
		List<Map<String, Object>> page = matching.subList(start, Math.min(matching.size(), start + limit));
		return FakeResponse.json(200, Map.of("object", "list", "data", page, "has_more", start + limit < matching.size(),
				"url", "/v1/" + collection));
	}

	private FakeResponse search(Map<String, Map<String, Object>> store, String collection, String query) {
		Matcher matcher = SEARCH.matcher((query != null) ? query : "");
		if (!matcher.matches()) {
			return error(400, "invalid_request_error", "Unsupported search query");
		}
		List<Map<String, Object>> found = store.values().stream()
			.filter(FakeStripe::live)
			.filter((o) -> matcher.group(2).replace("\\'", "'").equals(metadata(o).get(matcher.group(1))))
			.toList();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("object", "search_result");
		result.put("data", found);
		result.put("has_more", false);
		result.put("next_page", null);
		result.put("url", "/v1/" + collection + "/search");
		return FakeResponse.json(200, result);
	}

	private static boolean matches(Map<String, Object> object, String field, String wanted) {
		return wanted == null || wanted.equals(object.get(field));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> metadata(Map<String, Object> object) {
		Object metadata = object.get("metadata");
		return (metadata instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	@Override
	public FakeResponse error(int status, String message) {
		return error(status, (status == 429) ? "rate_limit_error" : "api_error", message);
	}

	static FakeResponse error(int status, String type, String message) {
		return FakeResponse.json(status, Map.of("error", Map.of("type", type, "message", message)));
	}

	private record Replay(String fingerprint, FakeResponse response) {
	}
}
