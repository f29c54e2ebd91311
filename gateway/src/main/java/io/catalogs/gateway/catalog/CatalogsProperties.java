package io.catalogs.gateway.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code catalogs} configuration tree: every catalog instance by name, and how health is probed.
 *
 * @param instances the catalogs by name (the name clients pass as the {@code catalog} argument)
 * @param healthTimeout how long a health probe of one catalog may take before it counts as down
 */
@ConfigurationProperties("catalogs")
public record CatalogsProperties(Map<String, CatalogInstanceProperties> instances,
		@DefaultValue("2s") Duration healthTimeout) {

	public CatalogsProperties {
		instances = (instances != null) ? new LinkedHashMap<>(instances) : new LinkedHashMap<>();
	}
}
