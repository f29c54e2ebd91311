package io.catalogs.api.mapping;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.Name;

/**
 * How one field of an entity maps to a vendor object, as written in a shipped mapping file or in
 * {@code catalogs.instances.<name>.mapping.<entity-type>.<field>}. Every key is optional in an
 * override: a key left out keeps the shipped default's value, so one key can be changed without
 * restating the rest.
 *
 * @param path the vendor path ({@code email}, {@code metadata.gateway_id}); two paths for {@code split-name}
 * @param convert how values convert between the field and the path when their kinds differ:
 *        {@code cents}, {@code epoch-seconds}, {@code epoch-millis}, {@code date}, {@code json-text},
 *        {@code split-name}, {@code link:<entity-type>}; none for the obvious conversions
 * @param transform text transforms applied when writing to the vendor, in order: {@code trim},
 *        {@code lower-case}, {@code upper-case}
 * @param readTransform text transforms applied when reading from the vendor, in order
 * @param defaultValue {@code default}: the value (in the field's text form) used when the vendor
 *        object or the entity has none
 * @param required whether a value must be present: an entity without one is not written, a vendor
 *        object without one is not read (fields the entity type requires always are)
 * @param values for an enum field, the vendor value of each enum name ({@code PAID: paid})
 * @param singleWord for {@code split-name}, which part a one-word name goes to: {@code first}
 *        (default) or {@code last}
 * @param ignore {@code true} to leave an optional field out of this vendor altogether
 * @param fallback paths read, in order, when the field's one {@code path} holds nothing (objects
 *        created at the vendor directly, such as Stripe's own invoice {@code number}); never written,
 *        so they may be read-only; each must hold the same kind of value as {@code path}
 */
public record FieldMappingProperties(List<String> path, String convert, List<String> transform,
		List<String> readTransform, @Name("default") String defaultValue, Boolean required, Map<String, String> values,
		String singleWord, Boolean ignore, List<String> fallback) {

	@ConstructorBinding
	public FieldMappingProperties {
		path = (path != null) ? List.copyOf(path) : null;
		fallback = (fallback != null) ? List.copyOf(fallback) : null;
		transform = (transform != null) ? List.copyOf(transform) : null;
		readTransform = (readTransform != null) ? List.copyOf(readTransform) : null;
		values = (values != null) ? Map.copyOf(values) : null;
	}

	/** Properties without fallback paths. */
	public FieldMappingProperties(List<String> path, String convert, List<String> transform, List<String> readTransform,
			String defaultValue, Boolean required, Map<String, String> values, String singleWord, Boolean ignore) {
		this(path, convert, transform, readTransform, defaultValue, required, values, singleWord, ignore, null);
	}

	/** A mapping of one path with no conversion or transform. */
	public static FieldMappingProperties path(String path) {
		return new FieldMappingProperties(List.of(path), null, null, null, null, null, null, null, null, null);
	}

	/** These properties with every key {@code override} sets replaced by its value. */
	public FieldMappingProperties overriddenBy(FieldMappingProperties override) {
		if (override == null) {
			return this;
		}
		return new FieldMappingProperties(pick(override.path, this.path), pick(override.convert, this.convert),
				pick(override.transform, this.transform), pick(override.readTransform, this.readTransform),
				pick(override.defaultValue, this.defaultValue), pick(override.required, this.required),
				pick(override.values, this.values), pick(override.singleWord, this.singleWord),
				pick(override.ignore, this.ignore), pick(override.fallback, this.fallback));
	}

	private static <T> T pick(T override, T base) {
		return (override != null) ? override : base;
	}
}
