package io.catalogs.api;

import io.catalogs.schema.EntityType;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs the writes of one entity one after another within this gateway instance, so that the
 * read-compare-write of an API catalog (vendors offer no conditional writes) is atomic against
 * other writes here: a version check, an update and an apply-if-newer cannot interleave. Writes of
 * different entities run in parallel. Across instances the sync pipeline delivers one entity's
 * changes in order; see the README for the remaining window.
 */
final class EntitySerializer {

	private final Map<Key, Mono<Void>> tails = new HashMap<>();

	/** {@code write}, subscribed once the previous write of the same entity has finished (whatever its outcome). */
	<T> Mono<T> serialize(EntityType type, UUID id, Supplier<Mono<T>> write) {
		return Mono.defer(() -> {
			Key key = new Key(type, id);
			Sinks.Empty<Void> done = Sinks.empty();
			Mono<Void> finished = done.asMono();
			Mono<Void> previous;
			synchronized (this.tails) {
				previous = this.tails.getOrDefault(key, Mono.empty());
				this.tails.put(key, finished);
			}
			return previous.then(Mono.defer(write)).doFinally((signal) -> {
				synchronized (this.tails) {
					this.tails.remove(key, finished);
				}
				done.tryEmitEmpty();
			});
		});
	}

	private record Key(EntityType type, UUID id) {
	}
}
