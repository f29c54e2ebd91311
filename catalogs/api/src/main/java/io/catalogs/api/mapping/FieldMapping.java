package io.catalogs.api.mapping;

import io.catalogs.api.RemoteObject;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One checked field mapping: an entity field, its vendor paths and how values convert between
 * them. Built by {@link MappingCompiler}; immutable and thread-safe.
 */
final class FieldMapping {

	private final InternalField field;

	private final List<RemotePath> definitions;

	private final List<String> paths;

	private final List<String> fallbacks;

	private final Converter converter;

	private final List<TextTransform> writeTransforms;

	private final List<TextTransform> readTransforms;

	private final Object defaultValue;

	private final boolean required;

	private final EntityType linkTarget;

	FieldMapping(InternalField field, List<String> paths, List<RemotePath> definitions, Converter converter,
			List<TextTransform> writeTransforms, List<TextTransform> readTransforms, Object defaultValue,
			boolean required, EntityType linkTarget, List<String> fallbacks) {
		this.field = field;
		this.paths = List.copyOf(paths);
		this.fallbacks = List.copyOf(fallbacks);
		this.definitions = List.copyOf(definitions);
		this.converter = converter;
		this.writeTransforms = List.copyOf(writeTransforms);
		this.readTransforms = List.copyOf(readTransforms);
		this.defaultValue = defaultValue;
		this.required = required;
		this.linkTarget = linkTarget;
	}

	InternalField field() {
		return this.field;
	}

	List<String> paths() {
		return this.paths;
	}

	Converter converter() {
		return this.converter;
	}

	/** The entity type this field refers to through links, or {@code null}. */
	EntityType linkTarget() {
		return this.linkTarget;
	}

	/**
	 * Put this field's vendor values for {@code entity} into {@code out}: {@code null} for each path
	 * when the entity has no value (and there is no default), so the vendor clears it.
	 * @throws MappingException if a required value is missing or a value does not fit the vendor
	 */
	void write(Entity entity, Map<String, Object> out, Links links) {
		Object value = this.field.valueOf(entity);
		if (value == null) {
			value = this.defaultValue;
		}
		if (value == null) {
			if (this.required) {
				throw new MappingException(entity.type() + " " + entity.id() + " has no " + this.field.name()
						+ ", which the mapping requires");
			}
			this.paths.forEach((path) -> out.put(path, null));
			return;
		}
		List<Object> remote = toRemote(value, links);
		for (int i = 0; i < this.paths.size(); i++) {
			Object part = remote.get(i);
			int maxLength = this.definitions.get(i).maxLength();
			if (part instanceof String text && maxLength > 0 && text.length() > maxLength) {
				throw new MappingException(entity.type() + " " + entity.id() + ": " + this.field.name() + " is "
						+ text.length() + " characters long at '" + this.paths.get(i) + "', which holds at most " + maxLength);
			}
			out.put(this.paths.get(i), part);
		}
	}

	/** The vendor values of a field value, one per path, write transforms applied. */
	List<Object> toRemote(Object value, Links links) {
		List<Object> remote = new ArrayList<>(this.converter.write(value, links));
		for (int i = 0; i < remote.size(); i++) {
			if (remote.get(i) instanceof String text) {
				for (TextTransform transform : this.writeTransforms) {
					text = transform.apply(text);
				}
				remote.set(i, text);
			}
		}
		return remote;
	}

	/** The read-only paths read, in order, when the field's path holds nothing. */
	List<String> fallbacks() {
		return this.fallbacks;
	}

	/**
	 * The field value held by {@code object} (at its paths, else at the first fallback path that
	 * holds one), the default when it holds none, {@code null} when there is neither.
	 * @throws IllegalArgumentException if the vendor value is not a value of the field
	 */
	Object read(RemoteObject object, Links links) {
		List<Object> values = readValues(object, this.paths);
		for (int i = 0; i < this.fallbacks.size() && values.stream().allMatch(java.util.Objects::isNull); i++) {
			values = readValues(object, List.of(this.fallbacks.get(i)));
		}
		boolean any = values.stream().anyMatch(java.util.Objects::nonNull);
		Object value = any ? this.converter.read(values, links) : null;
		if (value != null && !this.field.enumValues().isEmpty() && !this.field.enumValues().contains(value)) {
			throw new IllegalArgumentException("'" + value + "' is not one of " + this.field.enumValues());
		}
		return (value != null) ? value : this.defaultValue;
	}

	private List<Object> readValues(RemoteObject object, List<String> from) {
		List<Object> values = new ArrayList<>(from.size());
		for (String path : from) {
			Object value = object.get(path);
			if (value instanceof String text) {
				for (TextTransform transform : this.readTransforms) {
					text = transform.apply(text);
				}
				value = text.isEmpty() ? null : text;
			}
			values.add(value);
		}
		return values;
	}

	/** Whether a value is required of every entity written and every vendor object read. */
	boolean required() {
		return this.required;
	}
}
