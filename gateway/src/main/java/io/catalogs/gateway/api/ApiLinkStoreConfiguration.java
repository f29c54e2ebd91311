package io.catalogs.gateway.api;

import io.catalogs.api.ApiLinkStore;
import io.catalogs.gateway.sync.ControlStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the links between entity ids and vendor object ids of the API-backed catalogs in the
 * control store, so they survive restarts and every gateway instance shares them.
 */
@Configuration(proxyBeanMethods = false)
public class ApiLinkStoreConfiguration {

	@Bean
	ApiLinkStore apiLinkStore(ControlStore store) {
		return new ControlStoreApiLinkStore(store);
	}
}
