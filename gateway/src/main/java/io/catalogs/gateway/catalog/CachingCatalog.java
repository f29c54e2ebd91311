package io.catalogs.gateway.catalog;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A read cache in front of a catalog for reads by id ({@link #get}, {@link #getMany}). Every write
 * and sync apply through this catalog invalidates the entity's entry, so a read after a write
 * through the gateway sees the write. An entry being loaded while a write invalidates it is
 * dropped, not stored (Caffeine's asynchronous cache), so a slow read cannot re-insert stale data.
 * Changes made to the store behind the gateway's back are seen after at most the TTL.
 */
final class CachingCatalog implements Catalog {

	private final Catalog delegate;

	private final AsyncCache<Key, Entity> cache;

	private CachingCatalog(Catalog delegate, AsyncCache<Key, Entity> cache) {
		this.delegate = delegate;
		this.cache = cache;
	}

	/** The catalog behind a cache of the given size and TTL, with hit/miss metrics when a registry is given. */
	static Catalog wrap(Catalog delegate, CatalogInstanceProperties.Cache settings, MeterRegistry meters) {
		AsyncCache<Key, Entity> cache = Caffeine.newBuilder()
			.maximumSize(settings.maxSize())
			.expireAfterWrite(settings.ttl())
			.recordStats()
			.buildAsync();
		if (meters != null) {
			CaffeineCacheMetrics.monitor(meters, cache, "catalog." + delegate.definition().name(),
					Tags.of("catalog", delegate.definition().name()));
		}
		return new CachingCatalog(delegate, cache);
	}

	@Override
	public CatalogDefinition definition() {
		return this.delegate.definition();
	}

	@Override
	public Set<Capability> capabilities() {
		return this.delegate.capabilities();
	}

	@Override
	public Mono<Entity> get(EntityType type, UUID id) {
		return Mono.fromFuture(() -> this.cache.get(new Key(type, id),
				(key, executor) -> this.delegate.get(type, id).toFuture()), true);
	}

	@Override
	public Flux<Entity> getMany(EntityType type, Collection<UUID> ids) {
		Set<Key> keys = ids.stream().map((id) -> new Key(type, id)).collect(Collectors.toSet());
		return Mono.fromFuture(() -> this.cache.getAll(keys, (missing, executor) -> this.delegate
			.getMany(type, missing.stream().map(Key::id).toList())
			.collectMap((entity) -> new Key(type, entity.id()), Function.identity())
			.toFuture()), true)
			.flatMapIterable(Map::values);
	}

	@Override
	public Mono<Page> list(EntityType type, PageRequest request) {
		return this.delegate.list(type, request);
	}

	@Override
	public Mono<Map<Object, Page>> listGrouped(EntityType type, String groupField, Collection<?> groupValues,
			PageRequest request) {
		return this.delegate.listGrouped(type, groupField, groupValues, request);
	}

	@Override
	public Mono<Entity> create(Entity entity) {
		return invalidating(entity.type(), entity.id(), this.delegate.create(entity));
	}

	@Override
	public Mono<Entity> update(EntityType type, UUID id, Map<String, Object> changes, Long expectedVersion,
			Instant now) {
		return invalidating(type, id, this.delegate.update(type, id, changes, expectedVersion, now));
	}

	@Override
	public Mono<Entity> delete(EntityType type, UUID id, Long expectedVersion, Instant now) {
		return invalidating(type, id, this.delegate.delete(type, id, expectedVersion, now));
	}

	@Override
	public Mono<ApplyResult> applyIfNewer(Entity incoming) {
		return invalidating(incoming.type(), incoming.id(), this.delegate.applyIfNewer(incoming));
	}

	@Override
	public Mono<Void> ping() {
		return this.delegate.ping();
	}

	@Override
	public <R> Optional<R> unwrap(Class<R> type) {
		return this.delegate.unwrap(type);
	}

	@Override
	public Mono<Void> close() {
		return this.delegate.close();
	}

	/** Invalidates before and after the write, whatever its outcome (success, error or cancel). */
	private <T> Mono<T> invalidating(EntityType type, UUID id, Mono<T> write) {
		Key key = new Key(type, id);
		return Mono.defer(() -> {
			this.cache.synchronous().invalidate(key);
			return write;
		})
			// before the result reaches the caller, so a read right after the write cannot be cached and then dropped
			.doOnTerminate(() -> this.cache.synchronous().invalidate(key))
			.doOnCancel(() -> this.cache.synchronous().invalidate(key));
	}

	private record Key(EntityType type, UUID id) {
	}
}
