package io.catalogs.api;

import io.catalogs.api.mapping.EntityMapping;
import io.catalogs.api.mapping.Links;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Operator;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.support.EntityMatcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The entities of one type in one API catalog: its mapping, the vendor collection holding them and
 * the links. Reads what is held for an id, lists, and writes whole entities; the catalog
 * serializes writes and checks versions around these.
 */
final class RemoteEntities {

	private static final int BATCH = 100;

	private final String catalog;

	private final EntityMapping mapping;

	private final RemoteCollection collection;

	private final ApiLinkStore links;

	private final ListingProperties listing;

	RemoteEntities(String catalog, EntityMapping mapping, RemoteCollection collection, ApiLinkStore links,
			ListingProperties listing) {
		this.catalog = catalog;
		this.mapping = mapping;
		this.collection = collection;
		this.links = links;
		this.listing = listing;
	}

	EntityType type() {
		return this.mapping.type();
	}

	EntityMapping mapping() {
		return this.mapping;
	}

	RemoteCollection collection() {
		return this.collection;
	}

	/**
	 * What is held for {@code id}. Without a link, and when {@code lookUp} and the vendor can look
	 * objects up by the gateway id consistently, the object is looked for there and linked if found.
	 */
	Mono<Held> held(UUID id, boolean lookUp) {
		Mono<Held> byLink = this.links.find(this.catalog, type(), id).flatMap((link) -> link.deleted()
				? Mono.just(Held.tombstone(link))
				: this.collection.get(link.remoteId()).flatMap((remote) -> read(link, remote)).defaultIfEmpty(Held.gone(link)));
		Mono<Held> byLookup = (lookUp && this.collection.consistentLookup())
				? this.collection.findByEntityId(this.mapping.idPath(), id.toString())
					.flatMap((remote) -> {
						ApiLink link = ApiLink.live(id, remote.id());
						return this.links.link(this.catalog, type(), id, remote.id()).then(read(link, remote));
					})
				: Mono.empty();
		return byLink.switchIfEmpty(byLookup).defaultIfEmpty(Held.NOTHING);
	}

	private Mono<Held> read(ApiLink link, RemoteObject remote) {
		return linksFrom(List.of(remote)).map((resolved) -> new Held(link, remote, this.mapping.version(remote).orElse(null),
				this.mapping.toEntity(remote, resolved).orElse(null)));
	}

	/**
	 * {@code changes} (of objects of this type) read through the mapping: the entity of each object
	 * from its link (a tombstone's too), else from the gateway id written on it; references resolved
	 * through the links.
	 */
	Flux<InboundChange> inbound(List<RemoteChange> changes) {
		if (changes.isEmpty()) {
			return Flux.empty();
		}
		Set<String> remoteIds = new LinkedHashSet<>();
		changes.forEach((change) -> remoteIds.add(change.remoteId()));
		Mono<Map<String, UUID>> linked = this.links.findByRemoteIds(this.catalog, type(), remoteIds)
			.filter((link) -> link.remoteId() != null)
			.collectMap(ApiLink::remoteId, ApiLink::entityId);
		List<RemoteObject> objects = changes.stream().map(RemoteChange::object).toList();
		return Mono.zip(linked, linksFrom(objects)).flatMapIterable((found) -> changes.stream()
			.map((change) -> inbound(change, found.getT1().get(change.remoteId()), found.getT2()))
			.toList());
	}

	private InboundChange inbound(RemoteChange change, UUID linkedId, Links references) {
		RemoteObject object = change.object();
		UUID entityId = (linkedId != null) ? linkedId : this.mapping.entityId(object).orElse(null);
		Map<String, Object> attributes = change.deleted() ? Map.of() : this.mapping.attributes(object, references);
		Map<EntityType, Set<String>> unresolved = new HashMap<>();
		if (!change.deleted()) {
			this.mapping.references(List.of(object)).forEach((target, remoteIds) -> remoteIds.stream()
				.filter((remoteId) -> references.entityId(target, remoteId) == null)
				.forEach((remoteId) -> unresolved.computeIfAbsent(target, (k) -> new LinkedHashSet<>()).add(remoteId)));
		}
		return new InboundChange(this.catalog, type(), change.remoteId(), entityId, linkedId != null, attributes,
				this.mapping.version(object).orElse(null), change.modifiedAt(), change.deleted(), unresolved);
	}

	/** The window of {@code request}: every object the vendor filter lets through, ordered and paged here. */
	Mono<Page> list(PageRequest request) {
		return remoteConditions(request.conditions()).flatMap((conditions) -> {
			if (conditions.stream().anyMatch((condition) -> condition.operator() == Operator.EQ
					&& EntityMapping.UNLINKED.equals(condition.value()))) {
				return Mono.just(Page.empty());
			}
			int maxScan = this.listing.maxScan();
			return this.collection.list(conditions)
				.take(maxScan + 1L)
				.buffer(BATCH)
				.concatMap((batch) -> linksFrom(batch).flatMapIterable((resolved) -> batch.stream()
					.map((remote) -> this.mapping.toEntity(remote, resolved))
					.flatMap(Optional::stream)
					.toList()))
				.collectList()
				.flatMap((entities) -> {
					if (entities.size() > maxScan) {
						return Mono.error(new CatalogException("catalog '" + this.catalog + "' would read more than "
								+ maxScan + " " + type() + " objects for this listing: filter it further (or raise "
								+ "catalogs.instances." + this.catalog + ".listing.max-scan)"));
					}
					return Mono.just(EntityMatcher.window(newestPerId(entities).stream(), request));
				});
		});
	}

	/** Creates the object of {@code entity} (at most once per entity and version) and links it. */
	Mono<Void> create(Entity entity) {
		IdempotencyKey key = IdempotencyKey.forEvent(type().name(), entity.id().toString(), entity.version(),
				ChangeOperation.CREATE.name());
		return linksTo(entity)
			.flatMap((resolved) -> this.collection.create(this.mapping.toRemote(entity, resolved), key))
			.flatMap((remoteId) -> this.links.link(this.catalog, type(), entity.id(), remoteId));
	}

	/**
	 * Writes the whole state of {@code entity} to vendor object {@code remoteId}; when the vendor
	 * had to replace the object, links the replacement and then deletes the replaced one.
	 */
	Mono<Void> update(String remoteId, Entity entity) {
		IdempotencyKey key = IdempotencyKey.forEvent(type().name(), entity.id().toString(), entity.version(),
				ChangeOperation.UPDATE.name());
		return linksTo(entity)
			.flatMap((resolved) -> this.collection.rewrite(remoteId, this.mapping.toRemote(entity, resolved), key))
			.flatMap((holder) -> holder.equals(remoteId) ? Mono.<Void>empty()
					: this.links.link(this.catalog, type(), entity.id(), holder).then(this.collection.delete(remoteId)));
	}

	/** Deletes the vendor object, then records the tombstone. */
	Mono<Void> delete(String remoteId, Entity tombstone) {
		return this.collection.delete(remoteId).then(tombstone(tombstone.id(), tombstone.version()));
	}

	/** Records a tombstone at {@code version}. */
	Mono<Void> tombstone(UUID id, long version) {
		return this.links.tombstone(this.catalog, type(), id, version);
	}

	private Mono<List<RemoteCondition>> remoteConditions(List<Condition> conditions) {
		Map<EntityType, Set<UUID>> referenced = new HashMap<>();
		for (Condition condition : conditions) {
			this.mapping.linkTargetOf(condition.field()).filter((target) -> condition.value() instanceof UUID)
				.ifPresent((target) -> referenced.computeIfAbsent(target, (k) -> new HashSet<>())
					.add((UUID) condition.value()));
		}
		return linksTo(referenced).map((resolved) -> {
			List<RemoteCondition> remote = new ArrayList<>();
			for (Condition condition : conditions) {
				this.mapping.toRemote(condition, resolved)
					.filter((candidate) -> this.collection.supports(candidate.path(), candidate.operator()))
					.ifPresent(remote::add);
			}
			return remote;
		});
	}

	private Mono<Links> linksTo(Entity entity) {
		return linksTo(this.mapping.references(entity));
	}

	private Mono<Links> linksTo(Map<EntityType, Set<UUID>> referenced) {
		if (referenced.isEmpty()) {
			return Mono.just(Links.NONE);
		}
		return Flux.fromIterable(referenced.entrySet())
			.concatMap((entry) -> this.links.findAll(this.catalog, entry.getKey(), entry.getValue())
				.filter((link) -> !link.deleted())
				.map((link) -> Map.entry(new Ref(entry.getKey(), link.entityId().toString()), link.remoteId())))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map((remoteIds) -> new ResolvedLinks(remoteIds, Map.of()));
	}

	private Mono<Links> linksFrom(Collection<RemoteObject> objects) {
		Map<EntityType, Set<String>> referenced = this.mapping.references(objects);
		if (referenced.isEmpty()) {
			return Mono.just(Links.NONE);
		}
		return Flux.fromIterable(referenced.entrySet())
			.concatMap((entry) -> this.links.findByRemoteIds(this.catalog, entry.getKey(), entry.getValue())
				.map((link) -> Map.entry(new Ref(entry.getKey(), link.remoteId()), link.entityId())))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map((entityIds) -> new ResolvedLinks(Map.of(), entityIds));
	}

	/** Duplicates of one entity (two vendor objects carrying its id) are listed once, at their newest. */
	private static Collection<Entity> newestPerId(List<Entity> entities) {
		Map<UUID, Entity> newest = new LinkedHashMap<>();
		for (Entity entity : entities) {
			newest.merge(entity.id(), entity, (a, b) -> (b.version() > a.version()) ? b : a);
		}
		return newest.values();
	}

	private record Ref(EntityType type, String key) {
	}

	private record ResolvedLinks(Map<Ref, String> remoteIds, Map<Ref, UUID> entityIds) implements Links {

		@Override
		public String remoteId(EntityType type, UUID entityId) {
			return this.remoteIds.get(new Ref(type, entityId.toString()));
		}

		@Override
		public UUID entityId(EntityType type, String remoteId) {
			return this.entityIds.get(new Ref(type, remoteId));
		}
	}
}
