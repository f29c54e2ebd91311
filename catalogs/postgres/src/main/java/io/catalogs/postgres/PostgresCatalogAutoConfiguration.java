package io.catalogs.postgres;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Contributes the {@code kind: postgres} {@link PostgresCatalogFactory} to the gateway. Its catalogs
 * count statements in the application's {@link MeterRegistry}, or in a registry of their own when
 * the application has none.
 */
@AutoConfiguration
public class PostgresCatalogAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public PostgresCatalogFactory postgresCatalogFactory(ObjectProvider<MeterRegistry> meterRegistry) {
		return new PostgresCatalogFactory(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
	}
}
