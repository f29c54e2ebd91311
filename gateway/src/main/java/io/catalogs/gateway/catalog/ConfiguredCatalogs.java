package io.catalogs.gateway.catalog;

import io.catalogs.spi.Catalog;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/** The catalogs created from configuration; closes their connections when the gateway stops. */
public final class ConfiguredCatalogs implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ConfiguredCatalogs.class);

	private final List<Catalog> catalogs;

	ConfiguredCatalogs(List<Catalog> catalogs) {
		this.catalogs = List.copyOf(catalogs);
	}

	/** Every configured catalog, in configuration order. */
	public List<Catalog> catalogs() {
		return this.catalogs;
	}

	@Override
	public void destroy() {
		for (Catalog catalog : this.catalogs) {
			try {
				catalog.close().block(Duration.ofSeconds(10));
			}
			catch (RuntimeException ex) {
				logger.warn("Closing catalog '{}' failed: {}", catalog.definition().name(), ex.toString());
			}
		}
	}
}
