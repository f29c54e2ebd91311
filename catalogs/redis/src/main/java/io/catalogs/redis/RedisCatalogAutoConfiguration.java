package io.catalogs.redis;

import io.lettuce.core.RedisClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Contributes the {@link RedisCatalogFactory}, so that {@code kind: redis} instances can be configured. */
@AutoConfiguration
@ConditionalOnClass(RedisClient.class)
public class RedisCatalogAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RedisCatalogFactory redisCatalogFactory() {
		return new RedisCatalogFactory();
	}
}
