package io.catalogs.spi;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A data store that holds business entities: the extension point of the gateway. One
 * implementation per kind of store (PostgreSQL, MongoDB, Redis, a SaaS API); one instance per
 * configured catalog. Every method is generic over {@link EntityType}: the same code path serves
 * customers, invoices and any type added later.
 *
 * <p>Threading: every method returns without blocking; work happens on subscription, on the
 * driver's threads. Methods may be called concurrently.
 *
 * <p>Errors are signalled, never thrown: {@link EntityNotFoundException},
 * {@link VersionConflictException}, {@link DuplicateEntityException},
 * {@link UnsupportedCapabilityException} for a request the catalog cannot serve as asked, and
 * {@link CatalogUnavailableException} (retriable) when the store cannot be reached. Drivers'
 * exceptions must be translated to these.
 *
 * <p>Tombstones: a deleted entity is kept as a tombstone. Reads ({@link #get}, {@link #getMany},
 * {@link #list}) never return tombstones; {@link #applyIfNewer} compares against them.
 */
public interface Catalog {

	/** Name, kind, role and entity types of this instance, as configured. */
	CatalogDefinition definition();

	/** What this instance can do beyond the basic contract; requests needing anything else are refused. */
	Set<Capability> capabilities();

	/** The live entity with that id; completes empty if there is none or it is deleted. */
	Mono<Entity> get(EntityType type, UUID id);

	/**
	 * The live entities with those ids, in one round trip to the store, in no particular order;
	 * ids without a live entity are left out.
	 */
	Flux<Entity> getMany(EntityType type, Collection<UUID> ids);

	/**
	 * A window of the live entities that meet the conditions, in the requested order. Fails with
	 * {@link UnsupportedCapabilityException} if a condition, the order or backward reading is not
	 * among {@link #capabilities()}: never an unfiltered or differently ordered answer.
	 */
	Mono<Page> list(EntityType type, PageRequest request);

	/**
	 * For each value in {@code groupValues}, the window of {@code request} over the entities whose
	 * {@code groupField} equals that value, in one round trip to the store (the batch behind nested
	 * connections such as a customer's invoices). Every requested value is a key of the result,
	 * with an empty page when nothing matches. Backward windows are not supported here.
	 */
	Mono<Map<Object, Page>> listGrouped(EntityType type, String groupField, Collection<?> groupValues,
			PageRequest request);

	/**
	 * Store a new entity as given (id, version, timestamps chosen by the caller).
	 * Fails with {@link DuplicateEntityException} if an entity or tombstone with that id exists.
	 */
	Mono<Entity> create(Entity entity);

	/**
	 * Change the given attributes of a live entity ({@code null} values clear a field), bump its
	 * version by one and set {@code updatedAt} to {@code now}; emits the entity as stored.
	 * With {@code expectedVersion} the change happens only if it equals the stored version, checked
	 * atomically with the write, else {@link VersionConflictException}. Fails with
	 * {@link EntityNotFoundException} if there is no live entity.
	 */
	Mono<Entity> update(EntityType type, UUID id, Map<String, Object> changes, Long expectedVersion, Instant now);

	/**
	 * Turn a live entity into a tombstone with its version bumped; emits the tombstone. Version
	 * check and failures as for {@link #update}.
	 */
	Mono<Entity> delete(EntityType type, UUID id, Long expectedVersion, Instant now);

	/**
	 * Store {@code incoming} (a live entity or a tombstone) only if the catalog holds nothing for
	 * its id or holds an older version, atomically with that comparison. Duplicates and reordered
	 * deliveries are therefore harmless: the newest version wins.
	 */
	Mono<ApplyResult> applyIfNewer(Entity incoming);

	/** Completes empty when the store answers, with {@link CatalogUnavailableException} when it does not. */
	Mono<Void> ping();

	/**
	 * An implementation-specific resource of this catalog, for collaborators that know the kind of
	 * store without naming the catalog kind: for a catalog on R2DBC, its
	 * {@code io.r2dbc.spi.ConnectionFactory}, whose Spring reactive transactions its writes join
	 * (so a change event can commit in the same transaction, see {@link Capability#TRANSACTIONS}).
	 * Empty when the catalog has no resource of that type.
	 */
	default <R> Optional<R> unwrap(Class<R> type) {
		return Optional.empty();
	}

	/** Release connections; called once when the gateway stops. */
	default Mono<Void> close() {
		return Mono.empty();
	}
}
