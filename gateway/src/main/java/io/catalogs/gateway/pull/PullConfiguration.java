package io.catalogs.gateway.pull;

import io.catalogs.gateway.inbound.InboundWriter;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.spi.CatalogRegistry;

import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Incremental pulls of API catalogs: cursors on the control store, the puller and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PullProperties.class)
public class PullConfiguration {

	@Bean
	SyncCursorStore syncCursorStore(ControlStore store) {
		return new SyncCursorStore(store);
	}

	@Bean
	PullScheduler pullScheduler(CatalogRegistry registry, SyncCursorStore cursors, InboundWriter writer,
			PullProperties properties) {
		// the owner of a cursor's lease: this instance, for as long as it runs
		CatalogPuller puller = new CatalogPuller(cursors, writer, properties, "gateway-" + UUID.randomUUID());
		return new PullScheduler(registry, puller, properties);
	}
}
