package io.catalogs.gateway.sync;

import io.catalogs.gateway.graphql.InvalidInputException;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.UnknownCatalogException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the sync mutations do: copy an entity from one catalog to others as tracked sync events,
 * apply one sync event again now, re-queue dead letters. Returns without blocking.
 */
public class SyncRequests {

	private final CatalogRegistry registry;

	private final ChangeRecorder recorder;

	private final SyncEventStore events;

	private final SyncApplier applier;

	private final SyncPublisher publisher;

	SyncRequests(CatalogRegistry registry, ChangeRecorder recorder, SyncEventStore events, SyncApplier applier,
			SyncPublisher publisher) {
		this.registry = registry;
		this.recorder = recorder;
		this.events = events;
		this.applier = applier;
		this.publisher = publisher;
	}

	/**
	 * Copy the entity {@code id} of {@code type} as catalog {@code from} holds it ({@code null}: the
	 * type's primary) to the catalogs {@code to} ({@code null}: every other catalog holding the type):
	 * a SYNC change event with those targets, recorded through the outbox.
	 */
	public Mono<SyncRequest> copy(EntityType type, String id, String from, List<String> to) {
		return Mono.defer(() -> {
			UUID entityId = parseId("id", id);
			Catalog source = this.registry.resolve(from, type);
			String sourceName = source.definition().name();
			List<String> targets = targets(type, sourceName, to);
			UUID eventId = UUID.randomUUID();
			return source.get(type, entityId)
				.switchIfEmpty(Mono.error(() -> new EntityNotFoundException(type, entityId)))
				.flatMap((entity) -> this.recorder.recordCopy(eventId, sourceName, entity, targets).collectList())
				.map((pending) -> new SyncRequest(eventId, entityId, sourceName, targets, pending));
		});
	}

	private List<String> targets(EntityType type, String source, List<String> to) {
		if (to == null) {
			return this.recorder.targetsOf(type, source);
		}
		Set<String> targets = new LinkedHashSet<>();
		for (String name : to) {
			this.registry.resolve(name, type);
			if (name.equals(source)) {
				throw new InvalidInputException("to", "'" + name + "' is the catalog copied from");
			}
			targets.add(name);
		}
		return List.copyOf(targets);
	}

	/**
	 * Apply the sync event {@code id} again now and record the outcome; an event that already
	 * succeeded stays as it is (so this is idempotent). Emits the event as stored afterwards.
	 */
	public Mono<SyncEventRecord> retry(String id) {
		return Mono.defer(() -> {
			UUID eventId = parseId("id", id);
			return this.events.find(eventId)
				.switchIfEmpty(Mono.error(() -> new SyncEventNotFoundException(eventId)))
				.flatMap((stored) -> {
					String target = stored.record().target();
					Mono<SyncEventRecord> attempt = this.registry.find(target)
						.map((catalog) -> this.applier.apply(stored.event(), catalog))
						.orElseGet(() -> this.applier.fail(stored.event(), target, UnknownCatalogException.named(target)));
					return attempt.switchIfEmpty(Mono.just(stored.record()));
				});
		});
	}

	/**
	 * Re-queue the DEAD_LETTERED sync events of catalog {@code target} ({@code null}: of every
	 * catalog) for another round of attempts, due now; emits how many. A second call finds none
	 * left (until more are dead-lettered).
	 */
	public Mono<Integer> replayDeadLetters(String target) {
		return Mono.defer(() -> {
			if (target != null && this.registry.find(target).isEmpty()) {
				throw UnknownCatalogException.named(target);
			}
			return this.events.requeueDeadLetters(target)
				.collectList()
				.flatMap((requeued) -> Flux.fromIterable(requeued)
					.concatMap(this.publisher::publishStatusQuietly)
					.then(Mono.just(requeued.size())));
		});
	}

	private static UUID parseId(String argument, String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException(argument, "is not a valid ID (a UUID)");
		}
	}
}
