package io.catalogs.gateway.sync;

import io.catalogs.schema.SyncState;

import java.time.Instant;
import java.util.UUID;

/**
 * The state of one sync event for one target catalog: a row of the control store's
 * {@code sync_events} table, the GraphQL {@code SyncEvent} type, and the JSON value of every record
 * on the sync-status topic (published on every state change, consumed by every gateway instance).
 *
 * @param id the id clients see and pass to {@code retrySyncEvent}
 * @param eventId the change event (outbox row) this belongs to
 * @param entityType the entity type name ({@code customer}, {@code invoice})
 * @param entityId the entity's id
 * @param operation {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code SYNC}
 * @param version the entity version the event carries
 * @param source the catalog the snapshot was read from
 * @param target the catalog it is applied to
 * @param origin the catalog the change came in from, or {@code null} for a client write
 * @param state where it stands
 * @param attempts how many times applying it was tried
 * @param error the last failure, as a short message fit for clients, or {@code null}
 * @param committedAt when the change committed at its source
 * @param createdAt when the row was recorded
 * @param updatedAt when its state last changed
 */
public record SyncEventRecord(UUID id, UUID eventId, String entityType, UUID entityId, String operation,
		long version, String source, String target, String origin, SyncState state, int attempts, String error,
		Instant committedAt, Instant createdAt, Instant updatedAt) {
}
