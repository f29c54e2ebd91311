package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.gateway.sync.api.SyncStatusFeed.CommittedChange;

import java.util.Objects;

/**
 * One change to an entity now held by one catalog: the GraphQL {@code CustomerChange} type (its
 * {@code customer} field is read from {@link #catalog()} when asked for).
 *
 * @param id the entity's id
 * @param operation {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code SYNC}
 * @param version the entity version the change carries
 * @param origin where the change came from: the catalog it came in from, or its source catalog for a
 * client write
 * @param catalog the catalog that now holds the change
 */
public record CustomerChange(String id, String operation, long version, String origin, String catalog) {

	public CustomerChange {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(catalog, "catalog");
	}

	/** The change as its source catalog holds it since it committed. */
	public static CustomerChange committed(CommittedChange change) {
		return new CustomerChange(change.entityId().toString(), change.operation(), change.version(),
				(change.origin() != null) ? change.origin() : change.source(), change.source());
	}

	/** The change as the target of an applied sync event holds it. */
	public static CustomerChange applied(SyncEventRecord event) {
		return new CustomerChange(event.entityId().toString(), event.operation(), event.version(),
				(event.origin() != null) ? event.origin() : event.source(), event.target());
	}

	/** Whether the catalog holds the entity no longer (a tombstone). */
	public boolean isDelete() {
		return "DELETE".equals(this.operation);
	}
}
