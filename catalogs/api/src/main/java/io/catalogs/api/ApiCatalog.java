package io.catalogs.api;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Capability;
import io.catalogs.spi.CapabilityCheck;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.Condition;
import io.catalogs.spi.DuplicateEntityException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.UnknownCatalogException;
import io.catalogs.spi.VersionConflictException;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A catalog held by a SaaS API (Stripe, HubSpot, Salesforce, QuickBooks): one implementation for
 * every vendor and entity type, each type stored through a {@link RemoteCollection} (the vendor's
 * adapter) and an {@link io.catalogs.api.mapping.EntityMapping} (declarative field mapping).
 *
 * <ul>
 * <li>Identity: the entity id, version and timestamps are written on the vendor object (where the
 * mapping puts them: Stripe metadata, HubSpot custom properties); the entity id ↔ vendor id link and
 * the tombstones of deleted entities live in the {@link ApiLinkStore}.</li>
 * <li>Versions: vendors have no conditional writes, so every write reads the object's version first
 * and writes after comparing; writes of one entity are serialized within the instance
 * ({@link EntitySerializer}), which makes version checks and apply-if-newer atomic here. See the
 * README for the window across instances and why per-entity ordering of sync makes it harmless.</li>
 * <li>Listings: read every object the vendor-side filter lets through (at most
 * {@code listing.max-scan}), then filter, order and page in memory with the reference semantics;
 * capabilities are the filters the vendor applies itself, nothing that would hide a full scan.</li>
 * <li>Reads by id go through a read cache, on by default; writes through the catalog invalidate it.</li>
 * </ul>
 */
public final class ApiCatalog implements Catalog {

	private static final int INBOUND_BATCH = 100;

	private final CatalogDefinition definition;

	private final Map<EntityType, RemoteEntities> types;

	private final Set<Capability> capabilities;

	private final ReadCache cache;

	private final EntitySerializer serializer = new EntitySerializer();

	private final Supplier<Mono<Void>> ping;

	ApiCatalog(CatalogDefinition definition, List<RemoteEntities> types, ReadCacheProperties cache,
			Supplier<Mono<Void>> ping) {
		this.definition = definition;
		Map<EntityType, RemoteEntities> byType = new LinkedHashMap<>();
		Set<Capability> declared = new LinkedHashSet<>();
		for (RemoteEntities entities : types) {
			byType.put(entities.type(), entities);
			declared.addAll(entities.mapping().filterCapabilities(entities.collection()::supports));
		}
		this.types = byType;
		this.capabilities = Set.copyOf(declared);
		this.cache = ReadCache.of(cache);
		this.ping = ping;
	}

	@Override
	public CatalogDefinition definition() {
		return this.definition;
	}

	@Override
	public Set<Capability> capabilities() {
		return this.capabilities;
	}

	@Override
	public Mono<Entity> get(EntityType type, UUID id) {
		return entities(type).flatMap((entities) -> this.cache.get(type, id,
				() -> entities.held(id, false).flatMap((held) -> Mono.justOrEmpty(held.entity()))))
			.onErrorMap(this::translate);
	}

	@Override
	public Flux<Entity> getMany(EntityType type, Collection<UUID> ids) {
		return Flux.fromIterable(new LinkedHashSet<>(ids)).flatMap((id) -> get(type, id), 8);
	}

	@Override
	public Mono<Page> list(EntityType type, PageRequest request) {
		return entities(type).flatMap((entities) -> {
			CapabilityCheck.verify(this, type, request);
			return entities.list(request);
		}).onErrorMap(this::translate);
	}

	@Override
	public Mono<Map<Object, Page>> listGrouped(EntityType type, String groupField, Collection<?> groupValues,
			PageRequest request) {
		return entities(type).flatMap((entities) -> {
			CapabilityCheck.verifyGrouped(this, type, groupField, request);
			return Flux.fromIterable(new LinkedHashSet<>(groupValues))
				.flatMapSequential((value) -> entities.list(request.where(Condition.eq(groupField, value)))
					.map((page) -> Map.entry((Object) value, page)), 4)
				.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
				.map((pages) -> (Map<Object, Page>) pages);
		}).onErrorMap(this::translate);
	}

	@Override
	public Mono<Entity> create(Entity entity) {
		return writing(entity.type(), entity.id(), (entities) -> entities.held(entity.id(), true).flatMap((held) -> {
			if (held.exists()) {
				return Mono.error(new DuplicateEntityException(entity.type(), entity.id()));
			}
			return entities.create(entity).thenReturn(entity);
		}));
	}

	@Override
	public Mono<Entity> update(EntityType type, UUID id, Map<String, Object> changes, Long expectedVersion,
			Instant now) {
		return writing(type, id, (entities) -> live(entities, id, expectedVersion).flatMap((held) -> {
			Entity updated = held.entity().withChanges(changes, now);
			return entities.update(held.remote().id(), updated).thenReturn(updated);
		}));
	}

	@Override
	public Mono<Entity> delete(EntityType type, UUID id, Long expectedVersion, Instant now) {
		return writing(type, id, (entities) -> live(entities, id, expectedVersion).flatMap((held) -> {
			Entity tombstone = held.entity().toTombstone(now);
			return entities.delete(held.remote().id(), tombstone).thenReturn(tombstone);
		}));
	}

	@Override
	public Mono<ApplyResult> applyIfNewer(Entity incoming) {
		return writing(incoming.type(), incoming.id(), (entities) -> entities.held(incoming.id(), true).flatMap((held) -> {
			if (!held.olderThan(incoming.version())) {
				return Mono.just(ApplyResult.STALE);
			}
			Mono<Void> write;
			if (incoming.deleted()) {
				write = held.live() ? entities.delete(held.remote().id(), incoming)
						: entities.tombstone(incoming.id(), incoming.version());
			}
			else {
				write = held.live() ? entities.update(held.remote().id(), incoming) : entities.create(incoming);
			}
			return write.thenReturn(ApplyResult.APPLIED);
		}));
	}

	@Override
	public Mono<Void> ping() {
		return Mono.defer(this.ping).onErrorMap(this::translate);
	}

	/**
	 * Whether the catalog can list the changes of {@code type} made at the vendor by modification
	 * time ({@link RemoteCollection#changeFeed()}), so that they can be pulled; {@code false} for a
	 * type it does not hold.
	 */
	public boolean changeFeed(EntityType type) {
		RemoteEntities entities = this.types.get(type);
		return entities != null && entities.collection().changeFeed();
	}

	/**
	 * Every object of {@code type} created, changed or (where the vendor reports it) deleted at or
	 * after {@code since}, as inbound changes: inclusive, in ascending order of modification time
	 * (ties by vendor id), read page by page as consumed (see {@link RemoteCollection#modifiedSince}).
	 * Errors as the catalog's reads ({@link io.catalogs.spi.CatalogUnavailableException} when the
	 * vendor cannot be reached); {@link UnknownCatalogException} for a type the catalog does not hold;
	 * {@link UnsupportedOperationException} without a change feed.
	 */
	public Flux<InboundChange> modifiedSince(EntityType type, Instant since) {
		return entities(type).flatMapMany((entities) -> entities.collection()
			.modifiedSince(since)
			.buffer(INBOUND_BATCH)
			.concatMap(entities::inbound))
			.doOnNext(this::forgetCached)
			.onErrorMap(this::translate);
	}

	/**
	 * The current state of vendor object {@code remoteId} of {@code type} as an inbound change (for
	 * webhooks whose event is older than what is known); completes empty when the object never
	 * existed. Errors as {@link #modifiedSince}.
	 */
	public Mono<InboundChange> current(EntityType type, String remoteId) {
		return entities(type).flatMap((entities) -> entities.collection()
			.current(remoteId)
			.flatMap((change) -> entities.inbound(List.of(change)).next()))
			.doOnNext(this::forgetCached)
			.onErrorMap(this::translate);
	}

	/** {@code change}, an object of {@code type} a vendor reported (a webhook's payload), as an inbound change. */
	public Mono<InboundChange> inbound(EntityType type, RemoteChange change) {
		return entities(type).flatMap((entities) -> entities.inbound(List.of(change)).next())
			.doOnNext(this::forgetCached)
			.onErrorMap(this::translate);
	}

	@Override
	public <R> Optional<R> unwrap(Class<R> type) {
		return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
	}

	/** A change seen at the vendor makes the cached read of its entity stale. */
	private void forgetCached(InboundChange change) {
		if (change.entityId() != null) {
			this.cache.invalidate(change.type(), change.entityId());
		}
	}

	/** Forget every cached read (tests, or after changes made at the vendor directly). */
	public void invalidateCache() {
		this.cache.invalidateAll();
	}

	/** The held live entity, after checking {@code expectedVersion} against it. */
	private Mono<Held> live(RemoteEntities entities, UUID id, Long expectedVersion) {
		return entities.held(id, true).flatMap((held) -> {
			if (!held.live() || held.entity() == null) {
				return Mono.error(new EntityNotFoundException(entities.type(), id));
			}
			if (expectedVersion != null && expectedVersion != held.entity().version()) {
				return Mono.error(new VersionConflictException(entities.type(), id, expectedVersion, held.entity().version()));
			}
			return Mono.just(held);
		});
	}

	/** A write of one entity: serialized with its other writes, the cached read dropped before and after. */
	private <T> Mono<T> writing(EntityType type, UUID id, Function<RemoteEntities, Mono<T>> write) {
		return entities(type).flatMap((entities) -> this.serializer.serialize(type, id, () -> {
			this.cache.invalidate(type, id);
			return write.apply(entities);
		}).doOnTerminate(() -> this.cache.invalidate(type, id)).doOnCancel(() -> this.cache.invalidate(type, id)))
			.onErrorMap(this::translate);
	}

	private Mono<RemoteEntities> entities(EntityType type) {
		RemoteEntities entities = this.types.get(type);
		return (entities != null) ? Mono.just(entities)
				: Mono.error(new UnknownCatalogException("catalog '" + this.definition.name() + "' holds no " + type + " entities"));
	}

	private Throwable translate(Throwable error) {
		return VendorErrors.translate(this.definition.name(), error);
	}
}
