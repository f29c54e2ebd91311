package io.catalogs.client.fake;

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
 * {@code idProperty}, archive on DELETE (204), lists in id order with {@code paging.next.after},
 * search with {@code filterGroups}.
 */
public final class FakeHubSpot implements FakeVendor {

	private static final String PATH = "/crm/v3/objects/contacts";

	private final String token;

	private final String uniqueProperty;

	private final TreeMap<Long, Map<String, Object>> contacts = new TreeMap<>();

	private long nextId = 100;

	private volatile boolean uniqueEmails = true;

	public FakeHubSpot(String token, String uniqueProperty) {
		this.token = token;
		this.uniqueProperty = uniqueProperty;
	}

	@Override
	public void reset() {
		this.contacts.clear();
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
		Map<String, Object> contact = find(rest.substring(1), request.queryParam("idProperty"));
		if (contact == null) {
			return error(404, "OBJECT_NOT_FOUND", "resource not found");
		}
		return switch (request.method()) {
			case "GET" -> FakeResponse.json(200, view(contact, request.queryParam("properties")));
			case "DELETE" -> {
				contact.put("archived", true);
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
		long id = ++this.nextId;
		String now = Instant.now().toString();
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("id", Long.toString(id));
		Map<String, Object> stored = new LinkedHashMap<>(properties);
		stored.put("hs_object_id", Long.toString(id));
		stored.put("createdate", now);
		stored.put("lastmodifieddate", now);
		contact.put("properties", stored);
		contact.put("createdAt", now);
		contact.put("updatedAt", now);
		contact.put("archived", false);
		this.contacts.put(id, contact);
		return FakeResponse.json(201, view(contact, null));
	}

	@SuppressWarnings("unchecked")
	private FakeResponse update(Map<String, Object> contact, Map<String, Object> body) {
		Map<String, Object> changes = (Map<String, Object>) body.get("properties");
		FakeResponse conflict = conflict(changes, contact);
		if (conflict != null) {
			return conflict;
		}
		String now = Instant.now().toString();
		Map<String, Object> stored = (Map<String, Object>) contact.get("properties");
		stored.putAll(changes);
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
		Map<String, Object> filter = ((List<Map<String, Object>>) groups.get(0).get("filters")).get(0);
		long after = Long.parseLong(body.getOrDefault("after", "0").toString());
		List<Map<String, Object>> found = contacts().stream()
			.filter((c) -> filter.get("value").equals(((Map<String, Object>) c.get("properties")).get(filter.get("propertyName"))))
			.filter((c) -> Long.parseLong((String) c.get("id")) > after)
			.toList();
		return FakeResponse.json(200, page(found, ((Number) body.get("limit")).intValue(),
				String.join(",", (List<String>) body.get("properties")), true));
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
	private Map<String, Object> find(String id, String idProperty) {
		for (Map<String, Object> contact : contacts()) {
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
