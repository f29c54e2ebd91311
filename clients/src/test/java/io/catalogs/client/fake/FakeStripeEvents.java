package io.catalogs.client.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Stripe's event log as the Events API serves it: every write records an event
 * ({@code customer.created}, {@code invoice.finalized}...) holding a snapshot of the object, and
 * {@code GET /v1/events} lists them newest first, filtered by {@code type} (exact, or a group with a
 * trailing {@code *}) and {@code created} ({@code created=t} or {@code created[gte|gt|lte|lt]=t}),
 * paged with {@code starting_after}/{@code has_more}. Event ids increase with time, so ties of
 * {@code created} keep the order the events happened in.
 */
final class FakeStripeEvents {

	private final List<Map<String, Object>> events = new ArrayList<>();

	private LongSupplier clock = () -> System.currentTimeMillis() / 1000;

	private int nextId;

	void reset() {
		this.events.clear();
		this.clock = () -> System.currentTimeMillis() / 1000;
	}

	/** Unix seconds for new objects and events. */
	long now() {
		return this.clock.getAsLong();
	}

	/** Let tests pin the time (Unix seconds) of the next objects and events. */
	void clock(LongSupplier seconds) {
		this.clock = seconds;
	}

	List<Map<String, Object>> all() {
		return List.copyOf(this.events);
	}

	/** Records event {@code type} with a snapshot of {@code object}. */
	void record(String type, Map<String, Object> object, String idempotencyKey) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", "evt_" + String.format("%08d", ++this.nextId));
		event.put("object", "event");
		event.put("api_version", "2023-08-16");
		event.put("created", now());
		event.put("data", Map.of("object", Json.read(Json.write(object))));
		event.put("livemode", false);
		event.put("pending_webhooks", 0);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("id", null);
		request.put("idempotency_key", idempotencyKey);
		event.put("request", request);
		event.put("type", type);
		this.events.add(event);
	}

	FakeResponse list(FakeExchange request) {
		List<Map<String, Object>> newestFirst = new ArrayList<>(this.events);
		Collections.reverse(newestFirst);
		String type = request.queryParam("type");
		List<Map<String, Object>> matching = newestFirst.stream()
			.filter((event) -> type == null || typeMatches(type, (String) event.get("type")))
			.filter((event) -> createdMatches(request, (Long) event.get("created")))
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
		if (limit < 1 || limit > 100) {
			return FakeStripe.error(400, "invalid_request_error", "limit must be between 1 and 100");
		}
		List<Map<String, Object>> page = matching.subList(Math.min(start, matching.size()),
				Math.min(matching.size(), start + limit));
		return FakeResponse.json(200, Map.of("object", "list", "data", page, "has_more", start + limit < matching.size(),
				"url", "/v1/events"));
	}

	private static boolean typeMatches(String wanted, String type) {
		return wanted.endsWith("*") ? type.startsWith(wanted.substring(0, wanted.length() - 1)) : wanted.equals(type);
	}

	private static boolean createdMatches(FakeExchange request, long created) {
		return bound(request.queryParam("created"), created, 0, 0)
				&& bound(request.queryParam("created[gte]"), created, 0, 1)
				&& bound(request.queryParam("created[gt]"), created, 1, 1)
				&& bound(request.queryParam("created[lte]"), created, 0, -1)
				&& bound(request.queryParam("created[lt]"), created, -1, -1);
	}

	/** Whether {@code created} compared to {@code value} is {@code low} or {@code high} (-1, 0, 1); no value: true. */
	private static boolean bound(String value, long created, int low, int high) {
		if (value == null) {
			return true;
		}
		int comparison = Long.compare(created, Long.parseLong(value));
		return comparison == low || comparison == high;
	}
}
