package io.catalogs.client.fake;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * QuickBooks Online's Accounting API for Customer and Invoice (create, read, sparse update with
 * SyncToken, invoice delete/void operations, the query language with STARTPOSITION/MAXRESULTS,
 * {@code requestid} replay, unique DisplayName) and Intuit's token endpoint (HTTP Basic client
 * authentication, rotating refresh tokens), written from Intuit's API reference; there is no
 * official OpenAPI file to validate against.
 */
public final class FakeQuickBooks implements FakeVendor {

	public static final String CLIENT_ID = "qb-client";

	public static final String CLIENT_SECRET = "qb-secret";

	public static final String REFRESH_TOKEN = "qb-refresh-0";

	public static final String REALM = "9130357766";

	private static final Pattern ENTITY_PATH = Pattern.compile("/v3/company/" + REALM + "/(customer|invoice)(?:/(\\w+))?");

	private static final Pattern QUERY = Pattern.compile(
			"select \\* from (\\w+)(?: where (.+?))?(?: orderby ([\\w.]+))? STARTPOSITION (\\d+) MAXRESULTS (\\d+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CONDITION = Pattern.compile(
			"([\\w.]+) (=|>=|in) ('((?:[^'\\\\]|\\\\.)*)'|\\(([^)]*)\\))(?: and |$)", Pattern.CASE_INSENSITIVE);

	private final FakeTokens tokens = new FakeTokens(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, true, true);

	private final Map<String, Map<String, Map<String, Object>>> entities = new HashMap<>();

	private final Map<String, FakeResponse> requestIds = new HashMap<>();

	private final Map<String, List<Map<String, Object>>> deletions = new HashMap<>();

	private int nextId;

	private volatile boolean uniqueDisplayNames = true;

	public FakeTokens tokens() {
		return this.tokens;
	}

	@Override
	public void reset() {
		this.entities.clear();
		this.requestIds.clear();
		this.deletions.clear();
		this.tokens.reset(REFRESH_TOKEN);
		this.tokens.expiresIn(3600L);
	}

	/** Forgets every entity but keeps the tokens (a client keeps its rotated refresh token across tests). */
	public void clearEntities() {
		this.entities.clear();
		this.requestIds.clear();
		this.deletions.clear();
	}

	/**
	 * Whether DisplayName is unique among customers, as QuickBooks has it (default). Off only for the
	 * catalog contract suite, whose data has two customers of the same name.
	 */
	public void uniqueDisplayNames(boolean unique) {
		this.uniqueDisplayNames = unique;
	}

	public List<Map<String, Object>> entities(String entity) {
		return List.copyOf(this.entities.getOrDefault(entity, Map.of()).values());
	}

	@Override
	public FakeResponse handle(FakeExchange request) {
		if (request.path().equals("/oauth2/v1/tokens/bearer")) {
			return this.tokens.grant(request, Map.of("x_refresh_token_expires_in", 8726400));
		}
		if (!this.tokens.authorized(request)) {
			return FakeResponse.json(401, Map.of("fault", Map.of("error", List.of(Map.of("message",
					"message=AuthenticationFailed; errorCode=003200; statusCode=401", "code", "3200")), "type", "AUTHENTICATION")));
		}
		String requestId = request.queryParam("requestid");
		if (requestId != null && this.requestIds.containsKey(requestId)) {
			return this.requestIds.get(requestId);
		}
		FakeResponse response = route(request);
		if (requestId != null && response.status() < 500) {
			this.requestIds.put(requestId, response);
		}
		return response;
	}

	private FakeResponse route(FakeExchange request) {
		if (request.path().equals("/v3/company/" + REALM + "/query")) {
			return query(request.queryParam("query"));
		}
		if (request.path().equals("/v3/company/" + REALM + "/cdc")) {
			return changeDataCapture(request.queryParam("entities"), OffsetDateTime.parse(request.queryParam("changedSince")));
		}
		Matcher path = ENTITY_PATH.matcher(request.path());
		if (!path.matches()) {
			return fault(400, "Unsupported Operation", "4001");
		}
		String entity = path.group(1).equals("customer") ? "Customer" : "Invoice";
		Map<String, Map<String, Object>> table = this.entities.computeIfAbsent(entity, (k) -> new LinkedHashMap<>());
		if (request.method().equals("GET")) {
			Map<String, Object> found = table.get(path.group(2));
			return (found != null) ? wrap(entity, found) : fault(400, "Object Not Found", "610");
		}
		Map<String, Object> body = Json.read(request.body());
		String operation = request.queryParam("operation");
		Object id = body.get("Id");
		if (id == null) {
			return create(entity, table, body);
		}
		Map<String, Object> existing = table.get(id);
		if (existing == null) {
			return fault(400, "Object Not Found", "610");
		}
		if (!existing.get("SyncToken").equals(body.get("SyncToken"))) {
			return fault(400, "Stale Object Error", "5010");
		}
		if ("delete".equals(operation)) {
			table.remove(id);
			this.deletions.computeIfAbsent(entity, (k) -> new ArrayList<>()).add(Map.of("domain", "QBO", "status", "Deleted",
					"Id", id, "MetaData", Map.of("LastUpdatedTime", now())));
			return FakeResponse.json(200, Map.of(entity, Map.of("Id", id, "status", "Deleted", "domain", "QBO"), "time", now()));
		}
		if ("void".equals(operation)) {
			existing.put("TotalAmt", 0);
			existing.put("Balance", 0);
			existing.put("PrivateNote", "Voided");
		}
		else {
			body.remove("sparse");
			existing.putAll(body);
			recompute(existing);
		}
		existing.put("SyncToken", Integer.toString(Integer.parseInt((String) existing.get("SyncToken")) + 1));
		existing.put("MetaData", Map.of("CreateTime", ((Map<?, ?>) existing.get("MetaData")).get("CreateTime"), "LastUpdatedTime", now()));
		return wrap(entity, existing);
	}

	private FakeResponse create(String entity, Map<String, Map<String, Object>> table, Map<String, Object> body) {
		if (entity.equals("Customer")) {
			if (body.get("DisplayName") == null) {
				return fault(400, "Required param missing, need to supply the required value for the API", "2020");
			}
			boolean duplicate = this.uniqueDisplayNames && table.values().stream().anyMatch((c) -> c.get("DisplayName").equals(body.get("DisplayName")));
			if (duplicate) {
				return fault(400, "Duplicate Name Exists Error", "6240");
			}
			body.putIfAbsent("Active", true);
		}
		else if (body.get("CustomerRef") == null || body.get("Line") == null) {
			return fault(400, "Required param missing, need to supply the required value for the API", "2020");
		}
		String id = Integer.toString(++this.nextId);
		Map<String, Object> stored = new LinkedHashMap<>(body);
		stored.put("Id", id);
		stored.put("SyncToken", "0");
		stored.put("domain", "QBO");
		stored.put("MetaData", Map.of("CreateTime", now(), "LastUpdatedTime", now()));
		recompute(stored);
		table.put(id, stored);
		return wrap(entity, stored);
	}

	@SuppressWarnings("unchecked")
	private static void recompute(Map<String, Object> entity) {
		Object lines = entity.get("Line");
		if (lines instanceof List<?> list) {
			BigDecimal total = BigDecimal.ZERO;
			for (Object line : list) {
				total = total.add(new BigDecimal(((Map<String, Object>) line).get("Amount").toString()));
			}
			entity.put("TotalAmt", total);
			entity.put("Balance", total);
		}
	}

	private FakeResponse query(String statement) {
		Matcher matcher = QUERY.matcher(statement);
		if (!matcher.matches()) {
			return fault(400, "QueryParserError: Encountered an unexpected token", "4000");
		}
		List<String[]> conditions = new ArrayList<>();
		if (matcher.group(2) != null) {
			Matcher condition = CONDITION.matcher(matcher.group(2));
			int position = 0;
			while (position < matcher.group(2).length()) {
				if (!condition.find(position) || condition.start() != position) {
					return fault(400, "QueryParserError: Encountered an unexpected token", "4000");
				}
				conditions.add(new String[] { condition.group(1), condition.group(2).toLowerCase(java.util.Locale.ROOT),
						(condition.group(4) != null) ? condition.group(4).replace("\\'", "'") : condition.group(5) });
				position = condition.end();
			}
		}
		// QuickBooks lists only active customers unless the query names Active
		boolean onlyActive = conditions.stream().noneMatch((c) -> c[0].equalsIgnoreCase("Active"));
		List<Map<String, Object>> matching = new ArrayList<>();
		for (Map<String, Object> entity : this.entities.getOrDefault(matcher.group(1), Map.of()).values()) {
			if (onlyActive && Boolean.FALSE.equals(entity.get("Active"))) {
				continue;
			}
			if (conditions.stream().allMatch((c) -> matches(entity, c))) {
				matching.add(entity);
			}
		}
		if (matcher.group(3) != null) {
			matching.sort(java.util.Comparator.comparing((Map<String, Object> e) -> time(property(e, matcher.group(3))))
				.thenComparing((e) -> Long.parseLong((String) e.get("Id"))));
		}
		int start = Integer.parseInt(matcher.group(4));
		int max = Integer.parseInt(matcher.group(5));
		List<Map<String, Object>> page = matching.subList(Math.min(matching.size(), start - 1), Math.min(matching.size(), start - 1 + max));
		Map<String, Object> response = new LinkedHashMap<>();
		if (!page.isEmpty()) {
			response.put(matcher.group(1), page);
			response.put("startPosition", start);
			response.put("maxResults", page.size());
		}
		return FakeResponse.json(200, Map.of("QueryResponse", response, "time", now()));
	}

	private static boolean matches(Map<String, Object> entity, String[] condition) {
		Object value = property(entity, condition[0]);
		return switch (condition[1]) {
			case "in" -> java.util.Arrays.stream(condition[2].split(",")).map(String::trim)
				.anyMatch((option) -> option.equalsIgnoreCase(String.valueOf((value != null) ? value : Boolean.TRUE)));
			case ">=" -> value != null && !time(value).isBefore(OffsetDateTime.parse(condition[2]));
			default -> condition[2].equals(String.valueOf(value));
		};
	}

	/** The value at a dotted path; a reference or email object stands for its value. */
	private static Object property(Map<String, Object> entity, String path) {
		Object value = entity;
		for (String part : path.split("\\.")) {
			value = (value instanceof Map<?, ?> map) ? map.get(part) : null;
		}
		if (value instanceof Map<?, ?> object) {
			value = object.containsKey("Address") ? object.get("Address") : object.get("value");
		}
		return value;
	}

	private static OffsetDateTime time(Object value) {
		return OffsetDateTime.parse(String.valueOf(value));
	}

	/** Change data capture: the entities of each type changed at or after {@code since}, deleted ones as stubs. */
	private FakeResponse changeDataCapture(String types, OffsetDateTime since) {
		List<Map<String, Object>> responses = new ArrayList<>();
		for (String type : types.split(",")) {
			List<Map<String, Object>> changed = new ArrayList<>();
			for (Map<String, Object> entity : this.entities.getOrDefault(type, Map.of()).values()) {
				if (!time(property(entity, "MetaData.LastUpdatedTime")).isBefore(since)) {
					changed.add(entity);
				}
			}
			for (Map<String, Object> deleted : this.deletions.getOrDefault(type, List.of())) {
				if (!time(property(deleted, "MetaData.LastUpdatedTime")).isBefore(since)) {
					changed.add(deleted);
				}
			}
			responses.add(Map.of("QueryResponse", List.of(Map.of(type, changed, "startPosition", 1, "maxResults", changed.size()))));
		}
		return FakeResponse.json(200, Map.of("CDCResponse", responses, "time", now()));
	}

	@Override
	public FakeResponse error(int status, String message) {
		return fault(status, message, (status == 429) ? "003001" : "10000");
	}

	private static FakeResponse wrap(String entity, Map<String, Object> value) {
		return FakeResponse.json(200, Map.of(entity, value, "time", now()));
	}

	private static FakeResponse fault(int status, String message, String code) {
		return FakeResponse.json(status, Map.of("Fault", Map.of("Error", List.of(Map.of("Message", message, "Detail", message,
				"code", code)), "type", "ValidationFault"), "time", now()));
	}

	private static String now() {
		return OffsetDateTime.now(ZoneOffset.ofHours(-8)).withNano(0).toString();
	}
}
