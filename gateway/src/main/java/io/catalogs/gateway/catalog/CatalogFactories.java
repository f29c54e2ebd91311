package io.catalogs.gateway.catalog;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Turns {@code catalogs.instances.*} into catalogs through the {@link CatalogFactory} beans that
 * catalog modules contribute, validating what configuration says before anything connects. The
 * gateway knows no kind by name: a kind is whatever factory is on the classpath.
 */
final class CatalogFactories {

	private final Map<String, CatalogFactory<?>> byKind = new TreeMap<>();

	CatalogFactories(List<CatalogFactory<?>> factories) {
		for (CatalogFactory<?> factory : factories) {
			CatalogFactory<?> other = this.byKind.putIfAbsent(factory.kind(), factory);
			if (other != null) {
				throw new CatalogConfigurationException("two catalog modules serve kind '" + factory.kind() + "': "
						+ other.getClass().getName() + " and " + factory.getClass().getName());
			}
		}
	}

	/**
	 * Create every configured catalog, in configuration order.
	 * @throws CatalogConfigurationException naming the first key that is wrong
	 */
	List<Catalog> createAll(CatalogsProperties properties, Binder binder) {
		if (properties.instances().isEmpty()) {
			throw new CatalogConfigurationException("no catalog is configured: define catalogs.instances.<name> "
					+ "(see the README) or leave catalogs unset to run on the embedded default");
		}
		List<CatalogDefinition> definitions = new ArrayList<>();
		properties.instances().forEach((name, instance) -> definitions.add(define(name, instance)));
		List<Catalog> catalogs = new ArrayList<>();
		for (CatalogDefinition definition : definitions) {
			catalogs.add(create(definition, binder));
		}
		return catalogs;
	}

	private CatalogDefinition define(String name, CatalogInstanceProperties instance) {
		String prefix = "catalogs.instances." + name;
		if (instance.kind() == null || instance.kind().isBlank()) {
			throw new CatalogConfigurationException(prefix + ".kind is missing; known kinds: " + this.byKind.keySet());
		}
		CatalogFactory<?> factory = this.byKind.get(instance.kind());
		if (factory == null) {
			throw new CatalogConfigurationException(prefix + ".kind '" + instance.kind()
					+ "' is not a known catalog kind; known kinds: " + this.byKind.keySet());
		}
		Set<EntityType> types = new LinkedHashSet<>();
		for (String typeName : instance.entityTypes()) {
			EntityType type = EntityTypes.find(typeName)
				.orElseThrow(() -> new CatalogConfigurationException(prefix + ".entity-types: '" + typeName
						+ "' is not an entity type; known: "
						+ EntityTypes.all().stream().map(EntityType::name).toList()));
			if (!factory.supportedEntityTypes().contains(type)) {
				throw new CatalogConfigurationException("catalog '" + name + "' of kind '" + instance.kind()
						+ "' cannot hold " + type + " entities; it holds " + factory.supportedEntityTypes());
			}
			types.add(type);
		}
		if (types.isEmpty()) {
			types.addAll(factory.supportedEntityTypes());
		}
		return new CatalogDefinition(name, instance.kind(), instance.role(), types);
	}

	private <P> Catalog create(CatalogDefinition definition, Binder binder) {
		@SuppressWarnings("unchecked")
		CatalogFactory<P> factory = (CatalogFactory<P>) this.byKind.get(definition.kind());
		P properties = binder.bindOrCreate("catalogs.instances." + definition.name(),
				Bindable.of(factory.propertiesType()));
		return factory.create(definition, properties);
	}
}
