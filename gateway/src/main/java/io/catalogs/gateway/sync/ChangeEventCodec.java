package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.FieldDef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a {@link ChangeEvent}: the outbox payload and the value of every record on the
 * changes and dead-letter topics. Attribute values are written by their {@link EntityType} field
 * definitions: decimals as strings (exact, scale kept), timestamps as ISO-8601 UTC strings, ids as
 * UUID strings, JSON fields as JSON objects. Reading is tolerant: unknown properties and attributes
 * the entity type does not define are ignored, so older and newer gateways can share a topic.
 *
 * <pre>{"id":"…","operation":"UPDATE","source":"postgres","origin":null,"targets":[],
 *  "committedAt":"2025-01-01T10:00:00.123Z","entity":{"type":"customer","id":"…","version":3,
 *  "createdAt":"…","updatedAt":"…","deleted":false,"attributes":{"name":"Ada","email":"…"}}}</pre>
 *
 * Thread-safe.
 */
public final class ChangeEventCodec {

	private final JsonMapper json;

	private ChangeEventCodec(JsonMapper json) {
		this.json = json;
	}

	/** A codec with its own {@link JsonMapper}. */
	public static ChangeEventCodec create() {
		return new ChangeEventCodec(JsonMapper.builder().build());
	}

	/** The event as UTF-8 JSON. */
	public byte[] write(ChangeEvent event) {
		return this.json.writeValueAsBytes(toMap(event));
	}

	/** The event as a JSON string. */
	public String writeString(ChangeEvent event) {
		return this.json.writeValueAsString(toMap(event));
	}

	/**
	 * The event in {@code json}.
	 * @throws IllegalArgumentException if it is not JSON, lacks a required property, names an unknown
	 * entity type or holds a value that does not fit its field
	 */
	public ChangeEvent read(byte[] json) {
		try {
			return fromTree(this.json.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not a change event: " + ex.getOriginalMessage(), ex);
		}
	}

	/** As {@link #read(byte[])}, from a string. */
	public ChangeEvent read(String json) {
		try {
			return fromTree(this.json.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not a change event: " + ex.getOriginalMessage(), ex);
		}
	}

	private Map<String, Object> toMap(ChangeEvent event) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", event.id().toString());
		map.put("operation", event.operation().name());
		map.put("source", event.source());
		map.put("origin", event.origin());
		map.put("targets", event.targets());
		map.put("committedAt", event.committedAt().toString());
		Entity entity = event.entity();
		Map<String, Object> entityMap = new LinkedHashMap<>();
		entityMap.put("type", entity.type().name());
		entityMap.put("id", entity.id().toString());
		entityMap.put("version", entity.version());
		entityMap.put("createdAt", entity.createdAt().toString());
		entityMap.put("updatedAt", entity.updatedAt().toString());
		entityMap.put("deleted", entity.deleted());
		Map<String, Object> attributes = new LinkedHashMap<>();
		entity.attributes().forEach((name, value) -> {
			FieldDef field = entity.type().findField(name).orElse(null);
			attributes.put(name, (field != null) ? writeValue(field, value) : value);
		});
		entityMap.put("attributes", attributes);
		map.put("entity", entityMap);
		return map;
	}

	private static Object writeValue(FieldDef field, Object value) {
		return switch (field.type()) {
			case JSON -> value;
			default -> field.type().format(value);
		};
	}

	private ChangeEvent fromTree(JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("not a change event: not a JSON object");
		}
		JsonNode entityNode = root.path("entity");
		if (!entityNode.isObject()) {
			throw new IllegalArgumentException("not a change event: no entity");
		}
		String typeName = required(entityNode, "type");
		EntityType type = EntityTypes.find(typeName)
			.orElseThrow(() -> new IllegalArgumentException("unknown entity type '" + typeName + "'"));
		Map<String, Object> attributes = new LinkedHashMap<>();
		JsonNode attributesNode = entityNode.path("attributes");
		if (attributesNode.isObject()) {
			for (Map.Entry<String, JsonNode> property : attributesNode.properties()) {
				FieldDef field = type.findField(property.getKey()).orElse(null);
				if (field != null && !field.system() && !property.getValue().isNull()) {
					attributes.put(field.name(), readValue(field, property.getValue()));
				}
			}
		}
		Entity entity = new Entity(type, UUID.fromString(required(entityNode, "id")),
				requiredNode(entityNode, "version").asLong(), Instant.parse(required(entityNode, "createdAt")),
				Instant.parse(required(entityNode, "updatedAt")), entityNode.path("deleted").asBoolean(false),
				attributes);
		List<String> targets = new ArrayList<>();
		root.path("targets").values().forEach((target) -> targets.add(target.asString()));
		JsonNode origin = root.path("origin");
		return new ChangeEvent(UUID.fromString(required(root, "id")),
				ChangeOperation.valueOf(required(root, "operation")), required(root, "source"),
				(origin.isNull() || origin.isMissingNode()) ? null : origin.asString(), targets,
				Instant.parse(required(root, "committedAt")), entity);
	}

	private Object readValue(FieldDef field, JsonNode node) {
		try {
			return switch (field.type()) {
				case JSON -> this.json.treeToValue(node, Map.class);
				case DECIMAL -> node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
				default -> field.type().parse(node.asString());
			};
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("attribute " + field.name() + " holds no " + field.type() + " value",
					ex);
		}
	}

	private static String required(JsonNode node, String property) {
		return requiredNode(node, property).asString();
	}

	private static JsonNode requiredNode(JsonNode node, String property) {
		JsonNode value = node.path(property);
		if (value.isNull() || value.isMissingNode()) {
			throw new IllegalArgumentException("not a change event: no " + property);
		}
		return value;
	}
}
