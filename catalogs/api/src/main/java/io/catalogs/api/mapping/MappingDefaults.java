package io.catalogs.api.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The field mappings a vendor ships with ({@code io/catalogs/api/mapping/<vendor>.yml} on the class
 * path), read with the same binder as configured overrides, so both are written alike.
 */
public final class MappingDefaults {

	/** The type the {@code mapping} tree binds to: entity type → field → field mapping. */
	public static final Bindable<Map<String, Map<String, FieldMappingProperties>>> TREE = Bindable.of(ResolvableType
		.forClassWithGenerics(Map.class, ResolvableType.forClass(String.class),
				ResolvableType.forClassWithGenerics(Map.class, String.class, FieldMappingProperties.class)));

	private MappingDefaults() {
	}

	/** The class path location of a vendor's defaults. */
	public static String location(String vendor) {
		return "io/catalogs/api/mapping/" + vendor + ".yml";
	}

	/**
	 * The shipped mappings of {@code vendor}, by entity type and field.
	 * @throws IllegalStateException if the file is missing or not valid
	 */
	public static Map<String, Map<String, FieldMappingProperties>> load(String vendor) {
		ClassPathResource resource = new ClassPathResource(location(vendor));
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(location(vendor), resource);
			return new Binder(ConfigurationPropertySources.from(sources)).bind("mapping", TREE)
				.orElseThrow(() -> new IllegalStateException(location(vendor) + " has no mapping"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + location(vendor), ex);
		}
	}
}
