package io.catalogs.gateway.catalog;

import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Reports one catalog in Actuator health ({@code /actuator/health} component {@code catalogs}):
 * UP when its store answers a ping within the timeout, DOWN otherwise, with kind and role.
 */
final class CatalogHealthIndicator implements ReactiveHealthIndicator {

	private final Catalog catalog;

	private final Duration timeout;

	CatalogHealthIndicator(Catalog catalog, Duration timeout) {
		this.catalog = catalog;
		this.timeout = timeout;
	}

	/** One indicator per configured catalog, under their names. */
	static CompositeReactiveHealthContributor forAll(CatalogRegistry registry, Duration timeout) {
		Map<String, CatalogHealthIndicator> indicators = new LinkedHashMap<>();
		for (Catalog catalog : registry.all()) {
			indicators.put(catalog.definition().name(), new CatalogHealthIndicator(catalog, timeout));
		}
		return CompositeReactiveHealthContributor.fromMap(indicators);
	}

	@Override
	public Mono<Health> health() {
		Health.Builder details = new Health.Builder().withDetail("kind", this.catalog.definition().kind())
			.withDetail("role", this.catalog.definition().role().name());
		return this.catalog.ping()
			.timeout(this.timeout)
			.then(Mono.fromSupplier(() -> details.up().build()))
			.onErrorResume((ex) -> Mono.just(details.down().withDetail("error", "store does not answer").build()));
	}
}
