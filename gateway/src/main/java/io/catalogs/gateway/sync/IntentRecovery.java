package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


/**
 * The recovery sweep of the intent protocol: an outbox row still INTENT after
 * {@code catalogs.sync.intent-timeout} belongs to a write whose process died (or failed in a way
 * that leaves its outcome unknown). The sweep reads the entity's current state from the catalog
 * that was written and turns the row into a READY one with that state, so that it is published:
 * the live entity if there is one; for a delete whose entity is gone, the tombstone the intent
 * recorded; nothing (the row is deleted) if a create or update left no entity. Rows are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances may sweep; a catalog that cannot be read
 * leaves its rows for the next sweep.
 */
public class IntentRecovery extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(IntentRecovery.class);

	private static final int BATCH_SIZE = 100;

	private final ControlStore store;

	private final OutboxStore outbox;

	private final ChangeRecorder recorder;

	private final CatalogRegistry registry;

	private final Duration timeout;

	private final Clock clock;

	IntentRecovery(ControlStore store, OutboxStore outbox, ChangeRecorder recorder, CatalogRegistry registry,
			Duration timeout, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.recorder = recorder;
		this.registry = registry;
		this.timeout = timeout;
		this.clock = clock;
	}

	/** Recover the INTENT rows older than the timeout now; emits how many were turned READY. */
	public Mono<Long> sweep() {
		return this.outbox.lockStaleIntents(this.store.client(), this.clock.instant().minus(this.timeout), BATCH_SIZE)
			.concatMap((row) -> recover(row).onErrorResume((ex) -> {
				logger.warn("Could not recover outbox intent {} ({} {} in '{}'), retried later: {}", row.id(),
						row.entityType(), row.entityId(), row.source(), ex.toString());
				return Mono.just(0L);
			}))
			.reduce(0L, Long::sum)
			.as(this.store.transactions()::transactional);
	}

	private Mono<Long> recover(OutboxStore.IntentRow row) {
		EntityType type = EntityTypes.find(row.entityType()).orElse(null);
		Catalog catalog = this.registry.find(row.source()).orElse(null);
		if (type == null || catalog == null) {
			logger.warn("Dropping outbox intent {}: entity type '{}' or catalog '{}' is not configured", row.id(),
					row.entityType(), row.source());
			return this.outbox.delete(this.store.client(), row.id()).thenReturn(0L);
		}
		return catalog.get(type, row.entityId())
			.map((current) -> new ChangeEvent(row.id(),
					(row.operation() == ChangeOperation.DELETE) ? ChangeOperation.SYNC : row.operation(), row.source(),
					null, List.of(), this.clock.instant(), current))
			.switchIfEmpty(Mono.fromSupplier(() -> tombstone(row)))
			.flatMap((event) -> this.outbox
				.markReady(this.store.client(), event, this.recorder.targetsOf(type, row.source()))
				.then(Mono.just(1L)))
			.switchIfEmpty(Mono.defer(() -> this.outbox.delete(this.store.client(), row.id()).thenReturn(0L)))
			.doOnNext((count) -> logger.info("Recovered outbox intent {} ({} {} in '{}'): {}", row.id(), type,
					row.entityId(), row.source(), (count > 0) ? "published its current state" : "nothing was written"));
	}

	private ChangeEvent tombstone(OutboxStore.IntentRow row) {
		Entity tombstone = row.tombstoneEntity();
		if (row.operation() != ChangeOperation.DELETE || tombstone == null) {
			return null;
		}
		return new ChangeEvent(row.id(), ChangeOperation.DELETE, row.source(), null, List.of(), this.clock.instant(),
				tombstone);
	}

	@Override
	protected Disposable launch() {
		Duration interval = this.timeout.dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
				: this.timeout.dividedBy(2);
		return Flux.interval(interval)
			.onBackpressureDrop()
			.concatMap((tick) -> sweep().onErrorResume((ex) -> {
				logger.warn("Outbox intent sweep failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}
}
