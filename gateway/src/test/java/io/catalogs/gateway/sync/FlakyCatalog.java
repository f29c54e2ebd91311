package io.catalogs.gateway.sync;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogFactory;
import io.catalogs.tck.InMemoryCatalog;
import io.catalogs.tck.InMemoryCatalogProperties;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An in-memory catalog ({@code kind: flaky}, test classpath only) whose applies can be made to fail:
 * retriably (as an unreachable store) or permanently (as a store refusing the change).
 */
class FlakyCatalog extends InMemoryCatalog {

	/** How applies behave. */
	enum Mode {
		WORKING, RETRIABLE_FAILURES, PERMANENT_FAILURES
	}

	private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.WORKING);

	private final AtomicInteger applies = new AtomicInteger();

	FlakyCatalog(CatalogDefinition definition) {
		super(definition, InMemoryCatalog.allCapabilities(definition.entityTypes()));
	}

	void mode(Mode mode) {
		this.mode.set(mode);
		setAvailable(mode != Mode.RETRIABLE_FAILURES);
	}

	/** How many applies were attempted. */
	int applies() {
		return this.applies.get();
	}

	@Override
	public Mono<ApplyResult> applyIfNewer(Entity incoming) {
		return Mono.defer(() -> {
			this.applies.incrementAndGet();
			if (this.mode.get() == Mode.PERMANENT_FAILURES) {
				return Mono.error(new CatalogException("flaky refuses " + incoming.type() + " " + incoming.id()));
			}
			return super.applyIfNewer(incoming);
		});
	}

	/** Contributes the {@code flaky} kind to a test's application context. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		Factory flakyCatalogFactory() {
			return new Factory();
		}
	}

	/** Creates flaky catalogs. */
	static final class Factory implements CatalogFactory<InMemoryCatalogProperties> {

		@Override
		public String kind() {
			return "flaky";
		}

		@Override
		public Class<InMemoryCatalogProperties> propertiesType() {
			return InMemoryCatalogProperties.class;
		}

		@Override
		public Set<EntityType> supportedEntityTypes() {
			return Set.copyOf(EntityTypes.all());
		}

		@Override
		public FlakyCatalog create(CatalogDefinition definition, InMemoryCatalogProperties properties) {
			return new FlakyCatalog(definition);
		}
	}
}
