package io.catalogs.api.mapping;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link EntityMapping}s of one catalog from a vendor's shipped defaults and the
 * catalog's overrides, merged field by field (an override key replaces the default's), and checks
 * every field: known field and path, writable path, conversion that fits the field and the path,
 * known transforms, parseable default, fallback paths that exist and hold the same kind of value,
 * every required field mapped, no path used twice. The first problem fails with an {@link InvalidMappingException} naming the key that is wrong.
 */
public final class MappingCompiler {

	private final String catalog;

	private final String overridesKey;

	private final String defaultsOrigin;

	/**
	 * A compiler for catalog {@code catalog}.
	 * @param overridesKey where overrides are configured ({@code catalogs.instances.stripe.mapping})
	 * @param defaultsOrigin where the defaults come from, for messages ({@code io/catalogs/api/mapping/stripe.yml})
	 */
	public MappingCompiler(String catalog, String overridesKey, String defaultsOrigin) {
		this.catalog = catalog;
		this.overridesKey = overridesKey;
		this.defaultsOrigin = defaultsOrigin;
	}

	/**
	 * Check that the overrides name only entity types the catalog holds.
	 * @throws InvalidMappingException for the first other one
	 */
	public void checkTypes(Map<String, ?> overrides, java.util.Set<EntityType> held) {
		for (String name : overrides.keySet()) {
			Optional<EntityType> type = EntityTypes.find(name);
			if (type.isEmpty() || !held.contains(type.get())) {
				throw new InvalidMappingException(this.overridesKey + "." + name,
						"not an entity type this catalog holds; it holds " + held);
			}
		}
	}

	/**
	 * The checked mapping of {@code type} to objects of {@code schema}.
	 * @param defaults the shipped field mappings of the type
	 * @param overrides the configured ones (keys in relaxed form), possibly empty
	 * @throws InvalidMappingException naming the first key that is wrong
	 */
	public EntityMapping compile(EntityType type, RemoteSchema schema, Map<String, FieldMappingProperties> defaults,
			Map<String, FieldMappingProperties> overrides) {
		Map<String, FieldMappingProperties> merged = new LinkedHashMap<>();
		Map<String, String> origins = new HashMap<>();
		collect(type, defaults, this.defaultsOrigin + ": " + type.name(), merged, origins);
		collect(type, overrides, this.overridesKey + "." + type.name(), merged, origins);
		List<FieldMapping> fields = new ArrayList<>();
		Map<String, String> usedPaths = new HashMap<>();
		for (InternalField field : InternalField.all(type)) {
			FieldMappingProperties properties = merged.get(field.name());
			String key = origins.getOrDefault(field.name(), this.overridesKey + "." + type.name() + "." + field.name());
			if (properties == null || Boolean.TRUE.equals(properties.ignore())) {
				if (field.required()) {
					throw new InvalidMappingException(key, field.name() + " must be mapped to a "
							+ schema.object() + " path: every " + type + " has one (known paths: " + schema.describe() + ")");
				}
				continue;
			}
			FieldMapping mapping = compileField(type, field, properties, schema, key);
			for (String path : mapping.paths()) {
				String other = usedPaths.putIfAbsent(path, field.name());
				if (other != null) {
					throw new InvalidMappingException(key + ".path", "'" + path + "' is already the path of " + other);
				}
			}
			fields.add(mapping);
		}
		FieldMapping id = fields.stream().filter((f) -> f.field().name().equals(EntityType.ID)).findFirst().orElseThrow();
		if (id.paths().size() != 1) {
			throw new InvalidMappingException(origins.get(EntityType.ID) + ".path", "the id takes exactly one path");
		}
		return new EntityMapping(type, fields);
	}

	private void collect(EntityType type, Map<String, FieldMappingProperties> source, String keyPrefix,
			Map<String, FieldMappingProperties> merged, Map<String, String> origins) {
		if (source == null) {
			return;
		}
		source.forEach((name, properties) -> {
			InternalField field = InternalField.find(type, name)
				.orElseThrow(() -> new InvalidMappingException(keyPrefix + "." + name, "not a field of " + type + "; fields: "
						+ InternalField.all(type).stream().map(InternalField::name).toList()));
			FieldMappingProperties base = merged.get(field.name());
			merged.put(field.name(), (base != null) ? base.overriddenBy(properties) : properties);
			origins.put(field.name(), keyPrefix + "." + name);
		});
	}

	private FieldMapping compileField(EntityType type, InternalField field, FieldMappingProperties properties,
			RemoteSchema schema, String key) {
		if (properties.path() == null || properties.path().isEmpty()) {
			throw new InvalidMappingException(key + ".path", "missing (known paths: " + schema.describe() + ")");
		}
		List<RemotePath> definitions = new ArrayList<>();
		for (String path : properties.path()) {
			RemotePath definition = schema.find(path)
				.orElseThrow(() -> new InvalidMappingException(key + ".path", "'" + path + "' is not a path of a "
						+ schema.object() + "; known: " + schema.describe()));
			if (!definition.writable()) {
				throw new InvalidMappingException(key + ".path", "'" + path + "' is read-only at the vendor, so "
						+ field.name() + " could not be written");
			}
			String problem = definition.problemWith(path);
			if (problem != null) {
				throw new InvalidMappingException(key + ".path", problem);
			}
			definitions.add(definition);
		}
		Converter converter;
		try {
			converter = Conversions.resolve(this.catalog, field, definitions, properties);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMappingException(key + ((properties.values() != null) ? ".values" : ".convert"), ex.getMessage());
		}
		List<TextTransform> write = transforms(properties.transform(), field, definitions, key + ".transform");
		List<TextTransform> read = transforms(properties.readTransform(), field, definitions, key + ".read-transform");
		Object defaultValue = null;
		if (properties.defaultValue() != null) {
			if (field.system()) {
				throw new InvalidMappingException(key + ".default", field.name() + " is managed by the gateway and takes no default");
			}
			try {
				defaultValue = field.parse(properties.defaultValue());
			}
			catch (RuntimeException ex) {
				throw new InvalidMappingException(key + ".default", "'" + properties.defaultValue() + "' is not a value of "
						+ field.name() + " (" + ex.getMessage() + ")");
			}
		}
		boolean required = field.required() || Boolean.TRUE.equals(properties.required());
		EntityType linkTarget = (properties.convert() != null && properties.convert().startsWith("link:"))
				? EntityTypes.find(properties.convert().substring(5)).orElseThrow() : null;
		List<String> fallbacks = fallbacks(properties, definitions, schema, key + ".fallback");
		return new FieldMapping(field, properties.path(), definitions, converter, write, read, defaultValue, required,
				linkTarget, fallbacks);
	}

	/** The checked fallback paths: known paths, of the same kind as the field's one path (read-only allowed). */
	private static List<String> fallbacks(FieldMappingProperties properties, List<RemotePath> definitions,
			RemoteSchema schema, String key) {
		if (properties.fallback() == null || properties.fallback().isEmpty()) {
			return List.of();
		}
		if (definitions.size() != 1) {
			throw new InvalidMappingException(key, "fallback paths apply to fields mapped to one path only");
		}
		RemotePath primary = definitions.get(0);
		for (String path : properties.fallback()) {
			RemotePath definition = schema.find(path)
				.orElseThrow(() -> new InvalidMappingException(key, "'" + path + "' is not a path of a " + schema.object()
						+ "; known: " + schema.describe()));
			if (path.equals(properties.path().get(0))) {
				throw new InvalidMappingException(key, "'" + path + "' is the field's own path");
			}
			if (definition.type() != primary.type()) {
				throw new InvalidMappingException(key, "'" + path + "' holds " + definition.type() + " values, but the path '"
						+ properties.path().get(0) + "' holds " + primary.type());
			}
		}
		return properties.fallback();
	}

	private static List<TextTransform> transforms(List<String> names, InternalField field, List<RemotePath> paths,
			String key) {
		if (names == null || names.isEmpty()) {
			return List.of();
		}
		boolean text = (field.kind() == InternalField.Kind.TEXT || field.kind() == InternalField.Kind.ENUM)
				&& paths.stream().allMatch((path) -> path.type() == RemoteValueType.TEXT);
		if (!text) {
			throw new InvalidMappingException(key, "text transforms apply to text fields held in text paths only");
		}
		List<TextTransform> transforms = new ArrayList<>();
		for (String name : names) {
			transforms.add(TextTransform.named(name).orElseThrow(() -> new InvalidMappingException(key,
					"'" + name + "' is not a transform; known: " + TextTransform.names())));
		}
		return transforms;
	}
}
