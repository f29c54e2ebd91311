package io.catalogs.gateway.catalog;

import io.catalogs.tck.InMemoryCatalogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Contributes the in-memory catalog kind ({@code kind: memory}) from the test classpath only, the
 * way any catalog module does: proof that a new kind needs no change in the gateway.
 */
@AutoConfiguration
public class TestCatalogKindAutoConfiguration {

	@Bean
	InMemoryCatalogFactory inMemoryCatalogFactory() {
		return new InMemoryCatalogFactory();
	}
}
