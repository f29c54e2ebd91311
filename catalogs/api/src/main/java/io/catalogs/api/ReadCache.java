package io.catalogs.api;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;

import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * The entities an API catalog read by id, for a while. Only found entities are kept (a miss is
 * asked again). An entry being loaded while a write invalidates it is dropped rather than stored
 * (Caffeine's asynchronous cache), so a slow read cannot put back what a write replaced.
 */
final class ReadCache {

	private final AsyncCache<Key, Entity> cache;

	private ReadCache(AsyncCache<Key, Entity> cache) {
		this.cache = cache;
	}

	static ReadCache of(ReadCacheProperties properties) {
		if (!properties.enabled()) {
			return new ReadCache(null);
		}
		return new ReadCache(Caffeine.newBuilder()
			.maximumSize(properties.maxSize())
			.expireAfterWrite(properties.ttl())
			.buildAsync());
	}

	/** The cached entity, or what {@code loader} reads (kept when found). */
	Mono<Entity> get(EntityType type, UUID id, Supplier<Mono<Entity>> loader) {
		if (this.cache == null) {
			return loader.get();
		}
		return Mono.fromFuture(() -> this.cache.get(new Key(type, id), (key, executor) -> loader.get().toFuture()), true);
	}

	void invalidate(EntityType type, UUID id) {
		if (this.cache != null) {
			this.cache.synchronous().invalidate(new Key(type, id));
		}
	}

	void invalidateAll() {
		if (this.cache != null) {
			this.cache.synchronous().invalidateAll();
		}
	}

	private record Key(EntityType type, UUID id) {
	}
}
