package io.catalogs.gateway.sync;

import io.catalogs.schema.SyncState;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;

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

	/** The record of a {@code sync_events} row. */
	public static SyncEventRecord of(Readable row) {
		return new SyncEventRecord(row.get("id", UUID.class), row.get("event_id", UUID.class),
				row.get("entity_type", String.class), row.get("entity_id", UUID.class), row.get("operation", String.class),
				row.get("version", Long.class), row.get("source", String.class), row.get("target", String.class),
				row.get("origin", String.class), SyncState.valueOf(row.get("state", String.class)),
				row.get("attempts", Integer.class), row.get("error", String.class), instant(row, "committed_at"),
				instant(row, "created_at"), instant(row, "updated_at"));
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}
}
