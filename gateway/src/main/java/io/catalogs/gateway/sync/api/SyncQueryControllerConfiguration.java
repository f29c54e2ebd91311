package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.sync.ControlStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the read side of the sync API to the control store. */
@Configuration(proxyBeanMethods = false)
class SyncQueryControllerConfiguration {

	@Bean
	SyncEventQueries syncEventQueries(ControlStore controlStore) {
		return new SyncEventQueries(controlStore.client(), controlStore.schema());
	}
}
