package io.catalogs.gateway.pull;

import io.catalogs.api.ApiCatalog;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Pulls every (API catalog with a change feed, entity type) on a schedule while the application
 * runs: one loop per cursor, the next pull {@code interval} after the end of the previous one (a
 * failure is recorded on the cursor and logged; the next pull starts from where the cursor stands).
 * Stopping disposes the loops, which interrupts running pulls (their cursors stay where they stand).
 */
public final class PullScheduler implements SmartLifecycle {

	private final CatalogRegistry registry;

	private final CatalogPuller puller;

	private final PullProperties properties;

	private Disposable.Composite loops;

	PullScheduler(CatalogRegistry registry, CatalogPuller puller, PullProperties properties) {
		this.registry = registry;
		this.puller = puller;
		this.properties = properties;
	}

	/** The cursors that can be pulled: every entity type of every API catalog whose collection has a change feed. */
	public List<Target> targets() {
		List<Target> targets = new ArrayList<>();
		for (Catalog catalog : this.registry.all()) {
			catalog.unwrap(ApiCatalog.class).ifPresent((api) -> catalog.definition().entityTypes().stream()
				.filter(api::changeFeed)
				.forEach((type) -> targets.add(new Target(catalog.definition().name(), api, type))));
		}
		return targets;
	}

	/** The cursor of {@code type} in {@code catalog}, if it can be pulled. */
	public Optional<Target> target(String catalog, EntityType type) {
		return targets().stream().filter((target) -> target.catalog().equals(catalog) && target.type().equals(type)).findFirst();
	}

	/**
	 * Pulls one cursor now, whatever the schedule; emits how many changes were read and applied, or
	 * completes empty when another pull holds the cursor.
	 */
	public Mono<PullResult> pullNow(Target target) {
		return this.puller.pull(target.catalog(), target.api(), target.type());
	}

	@Override
	public synchronized void start() {
		if (this.loops != null) {
			return;
		}
		this.loops = Disposables.composite();
		if (!this.properties.enabled() && this.properties.catalogs().values().stream().noneMatch((c) -> Boolean.TRUE.equals(c.enabled()))) {
			return;
		}
		for (Target target : targets()) {
			if (!this.properties.enabled(target.catalog())) {
				continue;
			}
			this.loops.add(Mono.delay(this.properties.initialDelay())
				.thenMany(Mono.defer(() -> this.puller.pull(target.catalog(), target.api(), target.type()))
					.onErrorResume((ex) -> Mono.empty())
					.repeatWhen((ends) -> ends.concatMap((end) -> Mono.delay(this.properties.interval(target.catalog())))))
				.subscribe());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.loops != null) {
			this.loops.dispose();
			this.loops = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.loops != null;
	}

	/**
	 * A pullable cursor.
	 *
	 * @param catalog the catalog's name
	 * @param api the catalog
	 * @param type the entity type
	 */
	public record Target(String catalog, ApiCatalog api, EntityType type) {
	}
}
