package io.catalogs.gateway.catalog;

import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogFactory;
import io.catalogs.spi.CatalogRegistry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Creates the configured catalogs, wraps those with a read cache, and publishes the
 * {@link CatalogRegistry} every request resolves catalogs through, and their health.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

	@Bean
	ConfiguredCatalogs configuredCatalogs(CatalogsProperties properties, ObjectProvider<CatalogFactory<?>> factories,
			Environment environment, ObjectProvider<MeterRegistry> meterRegistry) {
		List<Catalog> created = new CatalogFactories(factories.orderedStream().toList())
			.createAll(properties, Binder.get(environment));
		MeterRegistry meters = meterRegistry.getIfAvailable();
		List<Catalog> catalogs = created.stream().map((catalog) -> {
			CatalogInstanceProperties.Cache cache = properties.instances().get(catalog.definition().name()).cache();
			return cache.enabled() ? CachingCatalog.wrap(catalog, cache, meters) : catalog;
		}).toList();
		return new ConfiguredCatalogs(catalogs);
	}

	@Bean
	CatalogRegistry catalogRegistry(ConfiguredCatalogs catalogs) {
		Set<io.catalogs.schema.EntityType> held = catalogs.catalogs().stream()
			.flatMap((catalog) -> catalog.definition().entityTypes().stream())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		try {
			return CatalogRegistry.of(catalogs.catalogs(), held);
		}
		catch (IllegalStateException ex) {
			throw new CatalogConfigurationException(ex.getMessage());
		}
	}

	@Bean
	CompositeReactiveHealthContributor catalogsHealthContributor(CatalogRegistry registry,
			CatalogsProperties properties) {
		return CatalogHealthIndicator.forAll(registry, properties.healthTimeout());
	}
}
