package io.catalogs.client.fake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * HubSpot CRM v3 contacts as HubSpot documents them: bearer private-app token, JSON bodies,
 * {@code email} and the gateway id property unique (a duplicate create is a 409), read by
 * {@code idProperty}, archive on DELETE (204; read back with {@code archived=true}), lists in id
 * order with {@code paging.next.after}, search with {@code filterGroups}, every operator and one
 * sort ({@link FakeHubSpotSearch}), paged by offset and refused (400) from the 10,000th result on.
 * Datetime properties are kept as HubSpot returns them (ISO 8601, milliseconds); times come from
 * a settable clock.
 */
public final class FakeHubSpot implements FakeVendor {

	private static final String PATH = "/crm/v3/objects/contacts";

	private final String token;

	private final String uniqueProperty;

	private final TreeMap<Long, Map<String, Object>> contacts = new TreeMap<>();

	private long nextId = 100;

	private volatile boolean uniqueEmails = true;

	private volatile Clock clock = Clock.systemUTC();

	private volatile int searchResultLimit = 10_000;

	public FakeHubSpot(String token, String uniqueProperty) {
		this.token = token;
		this.uniqueProperty = uniqueProperty;
	}

	@Override
	public void reset() {
		this.contacts.clear();
		this.clock = Clock.systemUTC();
		this.searchResultLimit = 10_000;
	}

	/** The clock of creation, modification and archive times (the system clock until the next reset). */
	public void clock(Clock clock) {
		this.clock = clock;
	}

	/** How many results one search query may page through (HubSpot: 10,000, until the next reset). */
	public void searchResultLimit(int limit) {
		this.searchResultLimit = limit;
	}

	/** Adds a contact as if created and last modified at {@code modifiedAt}, without a request; returns its id. */
	public synchronized String seed(Map<String, String> properties, Instant modifiedAt) {
		Clock previous = this.clock;
		this.clock = Clock.fixed(modifiedAt, java.time.ZoneOffset.UTC);
		try {
			Map<String, Object> contact = store(new LinkedHashMap<>(properties));
			return (String) contact.get("id");
		}
		finally {
			this.clock = previous;
		}
	}

	/**
	 * Whether {@code email} is unique among contacts, as HubSpot has it (default). Off only for the
	 * catalog contract suite, whose data shares emails between a live and a deleted customer.
	 */
	public void uniqueEmails(boolean unique) {
		this.uniqueEmails = unique;
	}

	/** Contacts that are not archived. */
	public List<Map<String, Object>> contacts() {
		return this.contacts.values().stream().filter((c) -> !(Boolean) c.get("archived")).toList();
	}

	@Override
	public FakeResponse handle(FakeExchange request) {
		if (!("Bearer " + this.token).equals(request.headers().getFirst("Authorization"))) {
			return error(401, "INVALID_AUTHENTICATION", "Authentication credentials not found.");
		}
		if (!request.path().startsWith(PATH)) {
			return error(404, "OBJECT_NOT_FOUND", "resource not found");
		}
		String rest = request.path().substring(PATH.length());
		if (rest.isEmpty()) {
			return request.method().equals("GET") ? list(request) : create(Json.read(request.body()));
		}
		if (rest.equals("/search")) {
			return search(Json.read(request.body()));
		}
		boolean archived = "true".equals(request.queryParam("archived"));
		Map<String, Object> contact = find(rest.substring(1), request.queryParam("idProperty"), archived);
		if (contact == null || (archived && !request.method().equals("GET"))) {
			return error(404, "OBJECT_NOT_FOUND", "resource not found");
		}
		return switch (request.method()) {
			case "GET" -> FakeResponse.json(200, view(contact, request.queryParam("properties")));
			case "DELETE" -> {
				contact.put("archived", true);
				contact.put("archivedAt", now());
				yield FakeResponse.empty(204);
			}
			default -> update(contact, Json.read(request.body()));
		};
	}

	@SuppressWarnings("unchecked")
	private FakeResponse create(Map<String, Object> body) {
		Map<String, Object> properties = (Map<String, Object>) body.get("properties");
		FakeResponse conflict = conflict(properties, null);
		if (conflict != null) {
			return conflict;
		}
		return FakeResponse.json(201, view(store(properties), null));
	}

	private Map<String, Object> store(Map<String, Object> properties) {
		long id = ++this.nextId;
		String now = now();
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("id", Long.toString(id));
		Map<String, Object> stored = new LinkedHashMap<>();
		properties.forEach((name, value) -> stored.put(name, normalize(name, value)));
		stored.put("hs_object_id", Long.toString(id));
		stored.put("createdate", now);
		stored.put("lastmodifieddate", now);
		contact.put("properties", stored);
		contact.put("createdAt", now);
		contact.put("updatedAt", now);
		contact.put("archived", false);
		this.contacts.put(id, contact);
		return contact;
	}

	private String now() {
		return FakeHubSpotSearch.format(this.clock.instant());
	}

	private static Object normalize(String property, Object value) {
		return (value instanceof String text) ? FakeHubSpotSearch.normalize(property, text) : value;
	}

	@SuppressWarnings("unchecked")
	private FakeResponse update(Map<String, Object> contact, Map<String, Object> body) {
		Map<String, Object> changes = (Map<String, Object>) body.get("properties");
		FakeResponse conflict = conflict(changes, contact);
		if (conflict != null) {
			return conflict;
		}
		String now = now();
		Map<String, Object> stored = (Map<String, Object>) contact.get("properties");
		changes.forEach((name, value) -> stored.put(name, normalize(name, value)));
		stored.put("lastmodifieddate", now);
		contact.put("updatedAt", now);
		return FakeResponse.json(200, view(contact, null));
	}

	private FakeResponse list(FakeExchange request) {
		int limit = (request.queryParam("limit") != null) ? Integer.parseInt(request.queryParam("limit")) : 10;
		long after = (request.queryParam("after") != null) ? Long.parseLong(request.queryParam("after")) : 0;
		return FakeResponse.json(200, page(contacts().stream().filter((c) -> Long.parseLong((String) c.get("id")) > after).toList(),
				limit, request.queryParam("properties"), false));
	}

	@SuppressWarnings("unchecked")
	private FakeResponse search(Map<String, Object> body) {
		List<Map<String, Object>> groups = (List<Map<String, Object>>) body.get("filterGroups");
		List<Map<String, Object>> sorts = (List<Map<String, Object>>) body.get("sorts");
		int offset = Integer.parseInt(body.getOrDefault("after", "0").toString());
		int limit = ((Number) body.get("limit")).intValue();
		if (offset >= this.searchResultLimit) {
			return error(400, "VALIDATION_ERROR", "There was a problem with the request.");
		}
		java.util.Comparator<Map<String, Object>> order = (sorts == null || sorts.isEmpty())
				? java.util.Comparator.comparing((Map<String, Object> c) -> Long.parseLong((String) c.get("id")))
				: FakeHubSpotSearch.order(sorts.get(0));
		List<Map<String, Object>> found = contacts().stream()
			.filter((c) -> FakeHubSpotSearch.matches((Map<String, Object>) c.get("properties"), groups))
			.sorted(order)
			.toList();
		List<Map<String, Object>> rest = found.subList(Math.min(offset, found.size()), found.size());
		Map<String, Object> page = page(rest, limit, String.join(",", (List<String>) body.get("properties")), true);
		page.put("total", found.size());
		if (page.containsKey("paging")) {
			String after = Integer.toString(offset + limit);
			page.put("paging", Map.of("next", Map.of("after", after, "link", "?after=" + after)));
		}
		return FakeResponse.json(200, page);
	}

	private Map<String, Object> page(List<Map<String, Object>> matching, int limit, String properties, boolean total) {
		List<Map<String, Object>> results = new ArrayList<>();
		for (int i = 0; i < Math.min(limit, matching.size()); i++) {
			results.add(view(matching.get(i), properties));
		}
		Map<String, Object> page = new LinkedHashMap<>();
		if (total) {
			page.put("total", matching.size());
		}
		page.put("results", results);
		if (matching.size() > limit) {
			String after = (String) results.get(results.size() - 1).get("id");
			page.put("paging", Map.of("next", Map.of("after", after, "link", "?after=" + after)));
		}
		return page;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> find(String id, String idProperty, boolean archived) {
		for (Map<String, Object> contact : this.contacts.values()) {
			if ((Boolean) contact.get("archived") != archived) {
				continue;
			}
			Object value = (idProperty == null) ? contact.get("id") : ((Map<String, Object>) contact.get("properties")).get(idProperty);
			if (id.equals(value)) {
				return contact;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private FakeResponse conflict(Map<String, Object> properties, Map<String, Object> self) {
		for (String unique : this.uniqueEmails ? List.of("email", this.uniqueProperty) : List.of(this.uniqueProperty)) {
			Object value = properties.get(unique);
			for (Map<String, Object> other : contacts()) {
				if (other != self && value != null && value.equals(((Map<String, Object>) other.get("properties")).get(unique))) {
					return error(409, "CONFLICT", "Contact already exists. Existing ID: " + other.get("id"));
				}
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> view(Map<String, Object> contact, String properties) {
		Map<String, Object> stored = (Map<String, Object>) contact.get("properties");
		Map<String, Object> shown = new LinkedHashMap<>();
		for (String name : List.of("hs_object_id", "createdate", "lastmodifieddate")) {
			shown.put(name, stored.get(name));
		}
		if (properties != null) {
			for (String name : properties.split(",")) {
				shown.put(name, stored.get(name));
			}
		}
		else {
			shown.putAll(stored);
		}
		// the published schema types property values as non-null strings: unset ones are left out
		shown.values().removeIf(java.util.Objects::isNull);
		Map<String, Object> view = new LinkedHashMap<>(contact);
		view.put("properties", shown);
		return view;
	}

	@Override
	public FakeResponse error(int status, String message) {
		return error(status, (status == 429) ? "RATE_LIMITS" : "INTERNAL_ERROR", message);
	}

	private static FakeResponse error(int status, String category, String message) {
		return FakeResponse.json(status, Map.of("category", category, "message", message,
				"correlationId", UUID.randomUUID().toString()));
	}
}
