package io.catalogs.client.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Unfolds Stripe's form bodies ({@code a=1&metadata[k]=v&expand[]=x}) into nested maps, and types
 * the values by the operation's schema (form values are all text; the schema says which are
 * integers or booleans), so the JSON Schema validation sees what Stripe parses.
 */
public final class FormBodies {

	private static final Pattern KEY = Pattern.compile("([^\\[]+)((?:\\[[^\\]]*\\])*)");

	private static final Pattern PART = Pattern.compile("\\[([^\\]]*)\\]");

	private FormBodies() {
	}

	/** The form's fields as nested maps (and lists for {@code name[]}), values as text. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parse(String body) {
		Map<String, Object> root = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			Matcher matcher = KEY.matcher(key);
			if (!matcher.matches()) {
				root.put(key, value);
				continue;
			}
			List<String> parts = new ArrayList<>();
			parts.add(matcher.group(1));
			Matcher part = PART.matcher(matcher.group(2));
			while (part.find()) {
				parts.add(part.group(1));
			}
			Object container = root;
			for (int i = 0; i < parts.size(); i++) {
				boolean last = i == parts.size() - 1;
				String name = parts.get(i);
				boolean nextIsList = !last && parts.get(i + 1).isEmpty();
				if (container instanceof Map<?, ?> map) {
					Map<String, Object> object = (Map<String, Object>) map;
					if (last) {
						object.put(name, value);
					}
					else {
						container = object.computeIfAbsent(name, (k) -> nextIsList ? new ArrayList<>() : new LinkedHashMap<>());
					}
				}
				else if (container instanceof List<?> list) {
					((List<Object>) list).add(value);
					break;
				}
			}
		}
		return root;
	}

	/** The form as JSON typed by {@code schema}. */
	public static JsonNode unfold(String body, JsonNode schema) {
		return typed(parse(body), schema);
	}

	@SuppressWarnings("unchecked")
	private static JsonNode typed(Object value, JsonNode schema) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		JsonNode alternatives = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
		if (alternatives != null) {
			for (JsonNode alternative : alternatives) {
				JsonNode candidate = typed(value, alternative);
				if (fits(candidate, alternative)) {
					return candidate;
				}
			}
			return typed(value, nodes.objectNode());
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode object = nodes.objectNode();
			((Map<String, Object>) map).forEach((name, child) -> {
				JsonNode childSchema = schema.path("properties").path(name);
				if (childSchema.isMissingNode()) {
					JsonNode additional = schema.path("additionalProperties");
					childSchema = additional.isObject() ? additional : nodes.objectNode();
				}
				object.set(name, typed(child, childSchema));
			});
			return object;
		}
		if (value instanceof List<?> list) {
			var array = nodes.arrayNode();
			list.forEach((item) -> array.add(typed(item, schema.path("items"))));
			return array;
		}
		String text = value.toString();
		String type = schema.path("type").asText("");
		if (type.equals("integer") && text.matches("-?\\d+")) {
			return nodes.numberNode(Long.parseLong(text));
		}
		if (type.equals("number") && text.matches("-?\\d+(\\.\\d+)?")) {
			return nodes.numberNode(new java.math.BigDecimal(text));
		}
		if (type.equals("boolean") && (text.equals("true") || text.equals("false"))) {
			return nodes.booleanNode(Boolean.parseBoolean(text));
		}
		return nodes.textNode(text);
	}

	private static boolean fits(JsonNode node, JsonNode schema) {
		String type = schema.path("type").asText("");
		return switch (type) {
			case "object" -> node.isObject();
			case "array" -> node.isArray();
			case "integer" -> node.isIntegralNumber();
			case "number" -> node.isNumber();
			case "boolean" -> node.isBoolean();
			case "string" -> node.isTextual() && (!schema.has("enum") || contains(schema.get("enum"), node.asText()));
			default -> true;
		};
	}

	private static boolean contains(JsonNode values, String text) {
		for (JsonNode value : values) {
			if (value.asText().equals(text)) {
				return true;
			}
		}
		return false;
	}
}
