package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.RetriableCatalogException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Writes to a catalog and records the change in the outbox so that the relay publishes it to every
 * other catalog holding the entity type. Every write through the gateway goes through here.
 *
 * <p>When the catalog shares the control store's transactions ({@link ControlStore#sharedWith}),
 * the write, its outbox row and a PENDING sync event per target commit in one transaction. Any
 * other catalog follows the intent protocol of docs/sync.md: an INTENT row commits first, then the
 * write, then the row becomes READY with the written state; if the process dies in between, the
 * recovery sweep ({@link IntentRecovery}) publishes the entity's current state. Either way no
 * committed write goes unpublished.
 *
 * <p>Returns without blocking; the write's failures are signalled unchanged.
 */
public class ChangeRecorder {

	private static final Logger logger = LoggerFactory.getLogger(ChangeRecorder.class);

	private final ControlStore store;

	private final OutboxStore outbox;

	private final CatalogRegistry registry;

	private final Clock clock;

	ChangeRecorder(ControlStore store, OutboxStore outbox, CatalogRegistry registry, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.registry = registry;
		this.clock = clock;
	}

	/** A recorder that only writes, recording nothing: for code that runs without the sync pipeline. */
	public static ChangeRecorder direct() {
		return new ChangeRecorder(null, null, null, Clock.systemUTC());
	}

	/** {@link Catalog#create} of {@code entity} in {@code catalog}, recorded. */
	public Mono<Entity> create(Catalog catalog, Entity entity) {
		return record(catalog, ChangeOperation.CREATE, entity.type(), entity.id(), catalog.create(entity), null);
	}

	/** {@link Catalog#update} in {@code catalog}, recorded. */
	public Mono<Entity> update(Catalog catalog, EntityType type, UUID id, Map<String, Object> changes,
			Long expectedVersion, Instant now) {
		return record(catalog, ChangeOperation.UPDATE, type, id,
				catalog.update(type, id, changes, expectedVersion, now), null);
	}

	/** {@link Catalog#delete} in {@code catalog}, recorded; emits the tombstone. */
	public Mono<Entity> delete(Catalog catalog, EntityType type, UUID id, Long expectedVersion, Instant now) {
		return record(catalog, ChangeOperation.DELETE, type, id, catalog.delete(type, id, expectedVersion, now), now);
	}

	/**
	 * A write that came in from catalog {@code origin} (a webhook): its change event carries that
	 * origin and lists every other catalog holding the type as target, never the origin.
	 * {@code guard} runs first, on the statements of the write's transaction when the catalog shares
	 * the control store's (so that it commits or rolls back with the write and its outbox row), else
	 * in a transaction of its own before the write; when it emits {@code false} nothing is written
	 * and the write completes empty.
	 *
	 * @param origin the catalog the change came in from
	 * @param guard a statement deciding whether to write (deduplication), given the client to run on
	 */
	public record Inbound(String origin, Function<DatabaseClient, Mono<Boolean>> guard) {
	}

	/** {@link #create} of a change that came in from {@code inbound.origin()}. */
	public Mono<Entity> create(Catalog catalog, Entity entity, Inbound inbound) {
		return record(catalog, ChangeOperation.CREATE, entity.type(), entity.id(), catalog.create(entity), null, inbound);
	}

	/** {@link #update} of a change that came in from {@code inbound.origin()}. */
	public Mono<Entity> update(Catalog catalog, EntityType type, UUID id, Map<String, Object> changes, Instant now,
			Inbound inbound) {
		return record(catalog, ChangeOperation.UPDATE, type, id, catalog.update(type, id, changes, null, now), null,
				inbound);
	}

	/** {@link #delete} of a change that came in from {@code inbound.origin()}. */
	public Mono<Entity> delete(Catalog catalog, EntityType type, UUID id, Instant now, Inbound inbound) {
		return record(catalog, ChangeOperation.DELETE, type, id, catalog.delete(type, id, null, now), now, inbound);
	}

	/**
	 * Record a copy of {@code entity}, as {@code source} holds it, to {@code targets}: a SYNC
	 * change event with explicit targets; emits its PENDING sync events.
	 */
	public Flux<SyncEventRecord> recordCopy(UUID eventId, String source, Entity entity, List<String> targets) {
		ChangeEvent event = new ChangeEvent(eventId, ChangeOperation.SYNC, source, null, targets, this.clock.instant(),
				entity);
		return this.outbox.insertReady(this.store.client(), event, targets);
	}

	/** The catalogs a client write to {@code source} goes to: every other catalog holding the type. */
	List<String> targetsOf(EntityType type, String source) {
		return this.registry.all()
			.stream()
			.filter((catalog) -> catalog.definition().holds(type) && !catalog.definition().name().equals(source))
			.map((catalog) -> catalog.definition().name())
			.toList();
	}

	private Mono<Entity> record(Catalog catalog, ChangeOperation operation, EntityType type, UUID id,
			Mono<Entity> write, Instant deleteTime) {
		return record(catalog, operation, type, id, write, deleteTime, null);
	}

	private Mono<Entity> record(Catalog catalog, ChangeOperation operation, EntityType type, UUID id,
			Mono<Entity> write, Instant deleteTime, Inbound inbound) {
		if (this.store == null) {
			return (inbound != null) ? Mono.error(new IllegalStateException("no sync pipeline to record inbound changes"))
					: write;
		}
		String source = catalog.definition().name();
		String origin = (inbound != null) ? inbound.origin() : null;
		List<String> targets = targetsOf(type, source).stream().filter((target) -> !target.equals(origin)).toList();
		return this.store.sharedWith(catalog)
			.map((shared) -> guard(inbound, shared.client())
				.flatMap((go) -> go ? write.flatMap((written) -> this.outbox
					.insertReady(shared.client(), event(UUID.randomUUID(), operation, source, origin, written), targets)
					.then(Mono.just(written))) : Mono.<Entity>empty())
				.as(shared.transactions()::transactional))
			.orElseGet(() -> guard(inbound, this.store.client()).as(this.store.transactions()::transactional)
				.flatMap((go) -> go ? withIntent(catalog, operation, type, id, write, deleteTime, targets, origin)
						: Mono.<Entity>empty()));
	}

	private static Mono<Boolean> guard(Inbound inbound, DatabaseClient client) {
		return (inbound != null) ? inbound.guard().apply(client).defaultIfEmpty(false) : Mono.just(true);
	}

	private Mono<Entity> withIntent(Catalog catalog, ChangeOperation operation, EntityType type, UUID id,
			Mono<Entity> write, Instant deleteTime, List<String> targets, String origin) {
		String source = catalog.definition().name();
		UUID eventId = UUID.randomUUID();
		// a delete's tombstone is what the sweep publishes if the process dies after the delete: catalogs
		// read no tombstones back
		Mono<ChangeEvent> tombstone = (deleteTime != null) ? catalog.get(type, id)
			.map((current) -> event(eventId, operation, source, origin, current.toTombstone(deleteTime))) : Mono.empty();
		return tombstone.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((candidate) -> this.outbox.insertIntent(this.store.client(), eventId, operation, type, id, source,
					candidate.orElse(null)))
			.then(write.onErrorResume((ex) -> forgetIntent(eventId, ex)))
			.flatMap((written) -> this.outbox
				.markReady(this.store.client(), event(eventId, operation, source, origin, written), targets)
				.as(this.store.transactions()::transactional)
				.then(Mono.just(written))
				.onErrorResume((ex) -> {
					// the write happened: the sweep publishes it once the intent is stale
					logger.warn("Change {} of {} {} in '{}' committed but not yet recorded: {}", eventId, type, id, source,
							ex.toString());
					return Mono.just(written);
				}));
	}

	/** A write that certainly did not happen leaves nothing to publish; any other failure is left to the sweep. */
	private Mono<Entity> forgetIntent(UUID eventId, Throwable ex) {
		if (ex instanceof CatalogException && !(ex instanceof RetriableCatalogException)) {
			return this.outbox.delete(this.store.client(), eventId)
				.onErrorResume((deleteFailure) -> Mono.empty())
				.then(Mono.error(ex));
		}
		return Mono.error(ex);
	}

	private ChangeEvent event(UUID id, ChangeOperation operation, String source, String origin, Entity written) {
		return new ChangeEvent(id, operation, source, origin, List.of(), this.clock.instant(), written);
	}
}
