package io.catalogs.api;

import io.catalogs.schema.EntityType;

import java.util.Collection;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where API catalogs keep the link between each entity id and the id of the vendor object holding
 * it ({@code cus_...}), and the tombstones of deleted entities: the extension point the gateway
 * implements on its control store (table {@code api_links}, see the module README), so links
 * survive restarts and are shared by every gateway instance. Without such a bean, catalogs use
 * {@link io.catalogs.api.support.InMemoryApiLinkStore} and say so at startup.
 *
 * <p>Every method returns without blocking; work happens on subscription. Keys are the catalog
 * name, the entity type and the entity id; a vendor id is linked to at most one entity per catalog
 * and type. Failures are signalled as {@link io.catalogs.spi.CatalogUnavailableException} when the
 * store cannot be reached.
 */
public interface ApiLinkStore {

	/** The link of one entity; completes empty when the catalog has never held it. */
	Mono<ApiLink> find(String catalog, EntityType type, UUID entityId);

	/** The links of these entities, in no particular order; ids without one are left out. */
	Flux<ApiLink> findAll(String catalog, EntityType type, Collection<UUID> entityIds);

	/** The links whose vendor id is one of these, in no particular order; vendor ids without one are left out. */
	Flux<ApiLink> findByRemoteIds(String catalog, EntityType type, Collection<String> remoteIds);

	/**
	 * Link a live entity to vendor object {@code remoteId}, replacing its link or tombstone if it has
	 * one. Fails with {@link IllegalStateException} if that vendor id is linked to another entity.
	 */
	Mono<Void> link(String catalog, EntityType type, UUID entityId, String remoteId);

	/** Record that the entity was deleted at {@code version}, keeping its vendor id if it had one. */
	Mono<Void> tombstone(String catalog, EntityType type, UUID entityId, long version);

	/** Whether links survive a restart; catalogs warn at startup when they do not. */
	default boolean durable() {
		return true;
	}
}
