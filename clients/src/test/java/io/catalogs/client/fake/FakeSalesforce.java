package io.catalogs.client.fake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce's REST API (sObject rows, rows by external ID, upsert, SOQL query with
 * {@code nextRecordsUrl}) and OAuth token endpoint, written from Salesforce's REST API Developer
 * Guide; there is no official OpenAPI file to validate against. Every write stamps
 * {@code LastModifiedDate} and {@code SystemModstamp} (milliseconds, strictly increasing); a delete
 * moves the record to the recycle bin ({@code IsDeleted = true}), which only {@code /queryAll} reads.
 * SOQL: {@code WHERE <field> = '<text>'} or {@code WHERE <field> >= <dateTime>}, and
 * {@code ORDER BY <field>, ...} (ascending).
 */
public final class FakeSalesforce implements FakeVendor {

	public static final String CLIENT_ID = "sf-client";

	public static final String CLIENT_SECRET = "sf-secret";

	public static final String REFRESH_TOKEN = "sf-refresh";

	private static final Pattern OBJECT_PATH = Pattern.compile("/services/data/v[0-9.]+/sobjects/(\\w+)(?:/(\\w+))?(?:/([^/]+))?");

	private static final Pattern SOQL = Pattern.compile("SELECT (.+) FROM (\\w+)(?: WHERE (\\w+) = '((?:[^'\\\\]|\\\\.)*)')?"
			+ "(?: WHERE (\\w+) >= ([0-9T:.Z+-]+))?(?: ORDER BY (.+))?");

	private static final DateTimeFormatter SALESFORCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneOffset.UTC);

	private final FakeTokens tokens = new FakeTokens(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, false, false);

	private final Map<String, Map<String, Map<String, Object>>> objects = new HashMap<>();

	private final Map<String, List<Map<String, Object>>> cursors = new HashMap<>();

	private final Map<String, Integer> batchSizes = new HashMap<>();

	private final Map<String, Map<String, Map<String, Object>>> recycleBin = new HashMap<>();

	private Instant lastStamp = Instant.EPOCH;

	private int nextId;

	public FakeTokens tokens() {
		return this.tokens;
	}

	@Override
	public void reset() {
		this.objects.clear();
		this.recycleBin.clear();
		this.cursors.clear();
		this.tokens.reset(REFRESH_TOKEN);
	}

	public synchronized List<Map<String, Object>> records(String sObject) {
		return List.copyOf(this.objects.getOrDefault(sObject, Map.of()).values());
	}

	/**
	 * A record created at the vendor directly (by a Salesforce user), last modified at
	 * {@code modstamp}; emits its id.
	 */
	public synchronized String seed(String sObject, Map<String, Object> fields, Instant modstamp) {
		String id = String.format("a0%013dAAA", ++this.nextId);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("attributes", Map.of("type", sObject, "url", "/services/data/v60.0/sobjects/" + sObject + "/" + id));
		record.put("Id", id);
		record.putAll(fields);
		record.put("IsDeleted", false);
		record.put("LastModifiedDate", SALESFORCE_TIME.format(modstamp));
		record.put("SystemModstamp", SALESFORCE_TIME.format(modstamp));
		this.objects.computeIfAbsent(sObject, (k) -> new LinkedHashMap<>()).put(id, record);
		return id;
	}

	/** Changes fields of a record at the vendor directly (a Salesforce user's edit), stamped now. */
	public synchronized void edit(String sObject, String id, Map<String, Object> fields) {
		Map<String, Object> record = this.objects.getOrDefault(sObject, Map.of()).get(id);
		if (record == null) {
			throw new IllegalArgumentException("no " + sObject + " " + id);
		}
		record.putAll(fields);
		stamp(record);
	}

	/** Deletes a record at the vendor directly (to the recycle bin). */
	public synchronized void remove(String sObject, String id) {
		Map<String, Object> record = this.objects.getOrDefault(sObject, Map.of()).remove(id);
		if (record != null) {
			recycle(sObject, record);
		}
	}

	private void recycle(String sObject, Map<String, Object> record) {
		record.put("IsDeleted", true);
		stamp(record);
		this.recycleBin.computeIfAbsent(sObject, (k) -> new LinkedHashMap<>()).put((String) record.get("Id"), record);
	}

	private void stamp(Map<String, Object> record) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.lastStamp = now.isAfter(this.lastStamp) ? now : this.lastStamp.plusMillis(1);
		record.put("LastModifiedDate", SALESFORCE_TIME.format(this.lastStamp));
		record.put("SystemModstamp", SALESFORCE_TIME.format(this.lastStamp));
		record.putIfAbsent("IsDeleted", false);
	}

	@Override
	public synchronized FakeResponse handle(FakeExchange request) {
		if (request.path().equals("/services/oauth2/token")) {
			return this.tokens.grant(request, Map.of("instance_url", "https://example.my.salesforce.com",
					"id", "https://login.salesforce.com/id/00D/005", "issued_at", Long.toString(System.currentTimeMillis()),
					"signature", "sig"));
		}
		if (!this.tokens.authorized(request)) {
			return errors(401, "INVALID_SESSION_ID", "Session expired or invalid");
		}
		if (request.path().matches("/services/data/v[0-9.]+/query(All)?")) {
			return query(request.queryParam("q"), request.headers().getFirst("Sforce-Query-Options"),
					request.path().endsWith("All"));
		}
		if (request.path().matches("/services/data/v[0-9.]+/query/.+")) {
			return page(request.path().substring(request.path().lastIndexOf('/') + 1));
		}
		Matcher path = OBJECT_PATH.matcher(request.path());
		if (!path.matches()) {
			return errors(404, "NOT_FOUND", "The requested resource does not exist");
		}
		Map<String, Map<String, Object>> table = this.objects.computeIfAbsent(path.group(1), (k) -> new LinkedHashMap<>());
		String field = (path.group(3) != null) ? path.group(2) : "Id";
		String key = (path.group(3) != null) ? path.group(3) : path.group(2);
		Map<String, Object> record = table.values().stream().filter((r) -> key != null && key.equals(r.get(field))).findFirst().orElse(null);
		if (request.method().equals("PATCH") && !field.equals("Id")) {
			return upsert(path.group(1), table, field, key, record, Json.read(request.body()));
		}
		if (record == null) {
			return errors(404, "NOT_FOUND", "The requested resource does not exist");
		}
		return switch (request.method()) {
			case "GET" -> FakeResponse.json(200, record);
			case "DELETE" -> {
				table.remove(record.get("Id"));
				recycle(path.group(1), record);
				yield FakeResponse.empty(204);
			}
			default -> {
				record.putAll(Json.read(request.body()));
				stamp(record);
				yield FakeResponse.empty(204);
			}
		};
	}

	private FakeResponse upsert(String sObject, Map<String, Map<String, Object>> table, String field, String key,
			Map<String, Object> existing, Map<String, Object> body) {
		if (body.containsKey(field)) {
			return errors(400, "INVALID_FIELD", "The external ID field must not be in the body");
		}
		boolean created = existing == null;
		Map<String, Object> record = created ? new LinkedHashMap<>() : existing;
		if (created) {
			String id = String.format("a0%013dAAA", ++this.nextId);
			record.put("attributes", Map.of("type", sObject, "url", "/services/data/v60.0/sobjects/" + sObject + "/" + id));
			record.put("Id", id);
			record.put(field, key);
			record.put("CreatedDate", SALESFORCE_TIME.format(Instant.now()));
			table.put(id, record);
		}
		body.forEach((name, value) -> record.put(name, (value instanceof Integer i) ? Double.valueOf(i) : value));
		stamp(record);
		return FakeResponse.json(created ? 201 : 200, Map.of("id", record.get("Id"), "success", true, "created", created,
				"errors", List.of()));
	}

	private FakeResponse query(String soql, String options, boolean all) {
		Matcher matcher = SOQL.matcher(soql);
		if (!matcher.matches()) {
			return errors(400, "MALFORMED_QUERY", "unsupported query");
		}
		List<Map<String, Object>> records = new ArrayList<>(this.objects.getOrDefault(matcher.group(2), Map.of()).values());
		if (all) {
			records.addAll(this.recycleBin.getOrDefault(matcher.group(2), Map.of()).values());
		}
		List<Map<String, Object>> matching = new ArrayList<>();
		for (Map<String, Object> record : records) {
			if ((matcher.group(3) == null || matcher.group(4).replace("\\'", "'").equals(String.valueOf(record.get(matcher.group(3)))))
					&& (matcher.group(5) == null || notBefore(record.get(matcher.group(5)), matcher.group(6)))) {
				matching.add(record);
			}
		}
		if (matcher.group(7) != null) {
			Comparator<Map<String, Object>> order = null;
			for (String field : matcher.group(7).split(",")) {
				Comparator<Map<String, Object>> next = Comparator.comparing((record) -> String.valueOf(record.get(field.trim())));
				order = (order == null) ? next : order.thenComparing(next);
			}
			matching.sort(order);
		}
		int batch = (options != null) ? Integer.parseInt(options.replace("batchSize=", "")) : 2000;
		String cursor = "01g" + (++this.nextId);
		this.cursors.put(cursor, matching);
		this.batchSizes.put(cursor, batch);
		return page(cursor + "-0", batch);
	}

	private FakeResponse page(String locator) {
		return page(locator, this.batchSizes.getOrDefault(locator.substring(0, locator.indexOf('-')), 2000));
	}

	private FakeResponse page(String locator, int batch) {
		String cursor = locator.substring(0, locator.indexOf('-'));
		int offset = Integer.parseInt(locator.substring(locator.indexOf('-') + 1));
		List<Map<String, Object>> matching = this.cursors.get(cursor);
		if (matching == null) {
			return errors(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
		}
		int end = Math.min(matching.size(), offset + batch);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("totalSize", matching.size());
		result.put("done", end >= matching.size());
		if (end < matching.size()) {
			result.put("nextRecordsUrl", "/services/data/v60.0/query/" + cursor + "-" + end);
		}
		result.put("records", matching.subList(offset, end));
		return FakeResponse.json(200, result);
	}

	private static boolean notBefore(Object value, String dateTime) {
		return value instanceof String text
				&& !OffsetDateTime.parse(text, SALESFORCE_TIME).toInstant().isBefore(OffsetDateTime.parse(dateTime).toInstant());
	}

	@Override
	public FakeResponse error(int status, String message) {
		return errors(status, (status == 503) ? "SERVER_UNAVAILABLE" : "UNKNOWN_EXCEPTION", message);
	}

	private static FakeResponse errors(int status, String code, String message) {
		return FakeResponse.json(status, List.of(Map.of("message", message, "errorCode", code)));
	}
}
