package io.catalogs.gateway.pull;

import java.time.Instant;

/**
 * The incremental pull of one entity type from one API catalog as the {@code syncCursors} query
 * shows it: where the next pull starts and how the running (or last) pull is doing.
 *
 * @param catalog the API catalog
 * @param entityType the entity type
 * @param position the next pull reads changes modified at or after this time; {@code null} = from the beginning
 * @param running whether a pull of this cursor is running (on any instance)
 * @param runStartedAt when the running (or last) pull started
 * @param runFinishedAt when the last pull ended, {@code null} while one runs or before the first
 * @param fetched changes read by the running (or last) pull so far
 * @param applied of those, changes that wrote to the primary
 * @param totalFetched changes read by every pull of the cursor
 * @param totalApplied changes that wrote to the primary, by every pull of the cursor
 * @param lastError why the last pull failed (a generic text, never a vendor message or secret); {@code null} after a success
 * @param lastErrorAt when it failed
 * @param updatedAt when the cursor or its progress last changed
 */
public record SyncCursor(String catalog, String entityType, Instant position, boolean running, Instant runStartedAt,
		Instant runFinishedAt, long fetched, long applied, long totalFetched, long totalApplied, String lastError,
		Instant lastErrorAt, Instant updatedAt) {

	/** A cursor no pull has used yet. */
	static SyncCursor fresh(String catalog, String entityType) {
		return new SyncCursor(catalog, entityType, null, false, null, null, 0, 0, 0, 0, null, null, null);
	}
}
