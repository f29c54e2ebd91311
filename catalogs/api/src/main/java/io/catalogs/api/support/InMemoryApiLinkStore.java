package io.catalogs.api.support;

import io.catalogs.api.ApiLink;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.schema.EntityType;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Links held in memory: for tests, and the fallback when the gateway provides no durable
 * {@link ApiLinkStore}. Lost on restart: an API catalog then no longer finds the vendor objects it
 * created (vendors that can look objects up by the gateway id, HubSpot and Salesforce, relink on
 * the next write; Stripe and QuickBooks create new ones) and forgets its tombstones.
 */
public final class InMemoryApiLinkStore implements ApiLinkStore {

	private final Map<Key, ApiLink> links = new ConcurrentHashMap<>();

	@Override
	public Mono<ApiLink> find(String catalog, EntityType type, UUID entityId) {
		return Mono.fromSupplier(() -> this.links.get(new Key(catalog, type.name(), entityId)));
	}

	@Override
	public Flux<ApiLink> findAll(String catalog, EntityType type, Collection<UUID> entityIds) {
		Set<UUID> wanted = Set.copyOf(entityIds);
		return Flux.defer(() -> Flux.fromStream(wanted.stream()
			.map((id) -> this.links.get(new Key(catalog, type.name(), id)))
			.filter(Objects::nonNull)));
	}

	@Override
	public Flux<ApiLink> findByRemoteIds(String catalog, EntityType type, Collection<String> remoteIds) {
		Set<String> wanted = Set.copyOf(remoteIds);
		return Flux.defer(() -> Flux.fromStream(this.links.entrySet().stream()
			.filter((entry) -> entry.getKey().catalog().equals(catalog) && entry.getKey().type().equals(type.name()))
			.map(Map.Entry::getValue)
			.filter((link) -> link.remoteId() != null && wanted.contains(link.remoteId()))));
	}

	@Override
	public Mono<Void> link(String catalog, EntityType type, UUID entityId, String remoteId) {
		return Mono.fromRunnable(() -> {
			synchronized (this.links) {
				boolean taken = this.links.entrySet().stream().anyMatch((entry) -> entry.getKey().catalog().equals(catalog)
						&& entry.getKey().type().equals(type.name()) && !entry.getKey().entityId().equals(entityId)
						&& remoteId.equals(entry.getValue().remoteId()));
				if (taken) {
					throw new IllegalStateException(type + " " + remoteId + " is linked to another entity in '" + catalog + "'");
				}
				this.links.put(new Key(catalog, type.name(), entityId), ApiLink.live(entityId, remoteId));
			}
		});
	}

	@Override
	public Mono<Void> tombstone(String catalog, EntityType type, UUID entityId, long version) {
		return Mono.fromRunnable(() -> this.links.compute(new Key(catalog, type.name(), entityId), (key, current) -> {
			long deleted = (current != null && current.deleted()) ? Math.max(current.deletedVersion(), version) : version;
			return new ApiLink(entityId, (current != null) ? current.remoteId() : null, deleted);
		}));
	}

	@Override
	public boolean durable() {
		return false;
	}

	/** Forget every link (between tests). */
	public void clear() {
		this.links.clear();
	}

	/** How many links and tombstones are held. */
	public int size() {
		return this.links.size();
	}

	private record Key(String catalog, String type, UUID entityId) {
	}
}
