package io.catalogs.api;

import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.EntityType;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link ApiLinkStore} bean, looked up on first use rather than when catalogs are created:
 * the gateway's store lives on its control store, which itself needs the catalogs, so resolving
 * it eagerly would make a cycle. Falls back to an {@link InMemoryApiLinkStore} when there is none.
 */
final class LazyApiLinkStore implements ApiLinkStore {

	private final Supplier<ApiLinkStore> resolver;

	private final boolean defined;

	private volatile ApiLinkStore store;

	/**
	 * @param resolver finds the bean, {@code null} when there is none
	 * @param defined whether the application defines one (known before it can be created)
	 */
	LazyApiLinkStore(Supplier<ApiLinkStore> resolver, boolean defined) {
		this.resolver = resolver;
		this.defined = defined;
	}

	@Override
	public boolean durable() {
		return this.defined;
	}

	private ApiLinkStore store() {
		ApiLinkStore resolved = this.store;
		if (resolved == null) {
			synchronized (this) {
				if (this.store == null) {
					ApiLinkStore found = this.resolver.get();
					this.store = (found != null) ? found : new InMemoryApiLinkStore();
				}
				resolved = this.store;
			}
		}
		return resolved;
	}

	@Override
	public Mono<ApiLink> find(String catalog, EntityType type, UUID entityId) {
		return Mono.defer(() -> store().find(catalog, type, entityId));
	}

	@Override
	public Flux<ApiLink> findAll(String catalog, EntityType type, Collection<UUID> entityIds) {
		return Flux.defer(() -> store().findAll(catalog, type, entityIds));
	}

	@Override
	public Flux<ApiLink> findByRemoteIds(String catalog, EntityType type, Collection<String> remoteIds) {
		return Flux.defer(() -> store().findByRemoteIds(catalog, type, remoteIds));
	}

	@Override
	public Mono<Void> link(String catalog, EntityType type, UUID entityId, String remoteId) {
		return Mono.defer(() -> store().link(catalog, type, entityId, remoteId));
	}

	@Override
	public Mono<Void> tombstone(String catalog, EntityType type, UUID entityId, long version) {
		return Mono.defer(() -> store().tombstone(catalog, type, entityId, version));
	}
}
