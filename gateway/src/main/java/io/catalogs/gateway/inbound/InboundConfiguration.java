package io.catalogs.gateway.inbound;

import io.catalogs.api.ApiLinkStore;
import io.catalogs.gateway.sync.ChangeRecorder;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.spi.CatalogRegistry;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbound writer and its marks on the control store. */
@Configuration(proxyBeanMethods = false)
public class InboundConfiguration {

	@Bean
	InboundMarks inboundMarks(ControlStore store) {
		return new InboundMarks(store);
	}

	@Bean
	InboundWriter inboundWriter(CatalogRegistry registry, ApiLinkStore links, ChangeRecorder recorder, InboundMarks marks,
			ControlStore store, ObjectProvider<Clock> clock) {
		return new InboundWriter(registry, links, recorder, marks, store, clock.getIfAvailable(Clock::systemUTC));
	}
}
