package io.catalogs.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Contributes the {@link MongoCatalogFactory}, so that configuring
 * {@code catalogs.instances.<name>.kind: mongo} is all it takes to get a MongoDB catalog.
 */
@AutoConfiguration
public class MongoCatalogAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public MongoCatalogFactory mongoCatalogFactory() {
		return new MongoCatalogFactory();
	}
}
