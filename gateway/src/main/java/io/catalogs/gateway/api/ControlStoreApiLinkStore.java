package io.catalogs.gateway.api;

import io.catalogs.api.ApiLink;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.CatalogUnavailableException;

import java.util.Collection;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The links of API catalogs in the control store's {@code api_links} table, so that they survive
 * restarts and every gateway instance sees the same ones.
 */
public final class ControlStoreApiLinkStore implements ApiLinkStore {

	private static final String COLUMNS = "entity_id, remote_id, deleted_version";

	private final ControlStore store;

	private final String table;

	public ControlStoreApiLinkStore(ControlStore store) {
		this.store = store;
		this.table = store.table("api_links");
	}

	@Override
	public Mono<ApiLink> find(String catalog, EntityType type, UUID entityId) {
		return key(this.store.client().sql("SELECT " + COLUMNS + " FROM " + this.table
				+ " WHERE catalog = :catalog AND entity_type = :type AND entity_id = :id"), catalog, type)
			.bind("id", entityId)
			.map(ControlStoreApiLinkStore::link)
			.one()
			.onErrorMap(this::translate);
	}

	@Override
	public Flux<ApiLink> findAll(String catalog, EntityType type, Collection<UUID> entityIds) {
		if (entityIds.isEmpty()) {
			return Flux.empty();
		}
		return key(this.store.client().sql("SELECT " + COLUMNS + " FROM " + this.table
				+ " WHERE catalog = :catalog AND entity_type = :type AND entity_id = ANY(:ids)"), catalog, type)
			.bind("ids", entityIds.toArray(new UUID[0]))
			.map(ControlStoreApiLinkStore::link)
			.all()
			.onErrorMap(this::translate);
	}

	@Override
	public Flux<ApiLink> findByRemoteIds(String catalog, EntityType type, Collection<String> remoteIds) {
		if (remoteIds.isEmpty()) {
			return Flux.empty();
		}
		return key(this.store.client().sql("SELECT " + COLUMNS + " FROM " + this.table
				+ " WHERE catalog = :catalog AND entity_type = :type AND remote_id = ANY(:ids)"), catalog, type)
			.bind("ids", remoteIds.toArray(new String[0]))
			.map(ControlStoreApiLinkStore::link)
			.all()
			.onErrorMap(this::translate);
	}

	@Override
	public Mono<Void> link(String catalog, EntityType type, UUID entityId, String remoteId) {
		return key(this.store.client().sql("INSERT INTO " + this.table
				+ " (catalog, entity_type, entity_id, remote_id) VALUES (:catalog, :type, :id, :remote)"
				+ " ON CONFLICT (catalog, entity_type, entity_id) DO UPDATE SET remote_id = EXCLUDED.remote_id,"
				+ " deleted_version = NULL, updated_at = now()"), catalog, type)
			.bind("id", entityId)
			.bind("remote", remoteId)
			.then()
			.onErrorMap(DataIntegrityViolationException.class, (ex) -> new IllegalStateException(
					type + " " + remoteId + " is linked to another entity in '" + catalog + "'", ex))
			.onErrorMap(this::translate);
	}

	@Override
	public Mono<Void> tombstone(String catalog, EntityType type, UUID entityId, long version) {
		return key(this.store.client().sql("INSERT INTO " + this.table
				+ " (catalog, entity_type, entity_id, deleted_version) VALUES (:catalog, :type, :id, :version)"
				+ " ON CONFLICT (catalog, entity_type, entity_id) DO UPDATE SET deleted_version ="
				+ " GREATEST(COALESCE(" + this.table + ".deleted_version, 0), EXCLUDED.deleted_version), updated_at = now()"),
				catalog, type)
			.bind("id", entityId)
			.bind("version", version)
			.then()
			.onErrorMap(this::translate);
	}

	private static DatabaseClient.GenericExecuteSpec key(DatabaseClient.GenericExecuteSpec spec, String catalog,
			EntityType type) {
		return spec.bind("catalog", catalog).bind("type", type.name());
	}

	private static ApiLink link(Readable row) {
		return new ApiLink(row.get("entity_id", UUID.class), row.get("remote_id", String.class),
				row.get("deleted_version", Long.class));
	}

	private Throwable translate(Throwable error) {
		return (error instanceof TransientDataAccessException || error instanceof DataAccessResourceFailureException)
				? new CatalogUnavailableException("control-store", error) : error;
	}
}
