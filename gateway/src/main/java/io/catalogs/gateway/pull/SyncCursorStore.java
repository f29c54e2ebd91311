package io.catalogs.gateway.pull;

import io.catalogs.gateway.sync.ControlStore;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code sync_cursors} table of the control store: one cursor per API catalog and entity type.
 * A pull claims its cursor with a lease (one instance at a time), moves it forward only (and only
 * while it holds the lease and no reset happened since the claim), and releases it with its outcome.
 */
final class SyncCursorStore {

	private static final String COLUMNS = "catalog, entity_type, position, running, run_started_at, run_finished_at,"
			+ " run_fetched, run_applied, total_fetched, total_applied, last_error, last_error_at, updated_at";

	private final ControlStore store;

	private final String table;

	SyncCursorStore(ControlStore store) {
		this.store = store;
		this.table = store.table("sync_cursors");
	}

	/** Every stored cursor. */
	Flux<SyncCursor> all() {
		return this.store.client().sql("SELECT " + COLUMNS + " FROM " + this.table + " ORDER BY catalog, entity_type")
			.map(SyncCursorStore::cursor)
			.all();
	}

	/**
	 * Claims the cursor for a pull by {@code owner} (creating it when missing) and resets the run's
	 * progress; completes empty when another pull (of another instance, or of this one) holds an
	 * unexpired lease.
	 */
	Mono<Claim> claim(String catalog, String entityType, String owner, Duration lease) {
		DatabaseClient client = this.store.client();
		return client.sql("INSERT INTO " + this.table + " (catalog, entity_type) VALUES (:catalog, :type) ON CONFLICT DO NOTHING")
			.bind("catalog", catalog)
			.bind("type", entityType)
			.then()
			.then(client.sql("UPDATE " + this.table + " SET owner = :owner, lease_until = now() + :lease * interval '1 millisecond',"
					+ " running = true, run_started_at = now(), run_finished_at = NULL, run_fetched = 0, run_applied = 0,"
					+ " updated_at = now() WHERE catalog = :catalog AND entity_type = :type"
					// not "OR owner = :owner": two pulls of one instance (the schedule's and pullNow) must not share a cursor
					+ " AND (owner IS NULL OR lease_until < now()) RETURNING position, epoch")
				.bind("owner", owner)
				.bind("lease", lease.toMillis())
				.bind("catalog", catalog)
				.bind("type", entityType)
				.map((row) -> new Claim(catalog, entityType, owner, lease, instant(row, "position"), row.get("epoch", Long.class)))
				.one());
	}

	/**
	 * Moves the claimed cursor forward to {@code position} (never back) after a batch is applied,
	 * adds the batch to the progress and renews the lease; emits {@code false} when the claim is
	 * lost (lease taken over, or the cursor was reset since).
	 */
	Mono<Boolean> advance(Claim claim, Instant position, long fetched, long applied) {
		return this.store.client()
			.sql("UPDATE " + this.table + " SET position = GREATEST(position, :position), run_fetched = run_fetched + :fetched,"
					+ " run_applied = run_applied + :applied, total_fetched = total_fetched + :fetched,"
					+ " total_applied = total_applied + :applied, lease_until = now() + :lease * interval '1 millisecond',"
					+ " updated_at = now() WHERE catalog = :catalog AND entity_type = :type AND owner = :owner AND epoch = :epoch")
			.bind("position", OffsetDateTime.ofInstant(position, ZoneOffset.UTC))
			.bind("fetched", fetched)
			.bind("applied", applied)
			.bind("lease", claim.lease().toMillis())
			.bind("catalog", claim.catalog())
			.bind("type", claim.entityType())
			.bind("owner", claim.owner())
			.bind("epoch", claim.epoch())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** Releases the claim with the pull's outcome: {@code error} {@code null} for a success (clearing the last error). */
	Mono<Void> release(Claim claim, String error) {
		DatabaseClient.GenericExecuteSpec spec = this.store.client()
			.sql("UPDATE " + this.table + " SET owner = NULL, lease_until = NULL, running = false, run_finished_at = now(),"
					+ " last_error = :error, last_error_at = CASE WHEN :error::text IS NULL THEN last_error_at ELSE now() END,"
					+ " updated_at = now() WHERE catalog = :catalog AND entity_type = :type AND owner = :owner")
			.bind("catalog", claim.catalog())
			.bind("type", claim.entityType())
			.bind("owner", claim.owner());
		spec = (error != null) ? spec.bind("error", error) : spec.bindNull("error", String.class);
		return spec.then();
	}

	/**
	 * Sets the cursor to {@code position} ({@code null}: the beginning), backwards too, and makes a
	 * running pull's claim stale so that it stops at its next batch; emits the cursor.
	 */
	Mono<SyncCursor> reset(String catalog, String entityType, Instant position) {
		DatabaseClient.GenericExecuteSpec spec = this.store.client()
			.sql("INSERT INTO " + this.table + " AS c (catalog, entity_type, position) VALUES (:catalog, :type, :position)"
					+ " ON CONFLICT (catalog, entity_type) DO UPDATE SET position = EXCLUDED.position, epoch = c.epoch + 1,"
					+ " last_error = NULL, updated_at = now() RETURNING " + COLUMNS)
			.bind("catalog", catalog)
			.bind("type", entityType);
		spec = (position != null) ? spec.bind("position", OffsetDateTime.ofInstant(position, ZoneOffset.UTC))
				: spec.bindNull("position", OffsetDateTime.class);
		return spec.map(SyncCursorStore::cursor).one();
	}

	private static SyncCursor cursor(Readable row) {
		return new SyncCursor(row.get("catalog", String.class), row.get("entity_type", String.class),
				instant(row, "position"), Boolean.TRUE.equals(row.get("running", Boolean.class)),
				instant(row, "run_started_at"), instant(row, "run_finished_at"), row.get("run_fetched", Long.class),
				row.get("run_applied", Long.class), row.get("total_fetched", Long.class),
				row.get("total_applied", Long.class), row.get("last_error", String.class), instant(row, "last_error_at"),
				instant(row, "updated_at"));
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A pull's hold on a cursor.
	 *
	 * @param catalog the catalog
	 * @param entityType the entity type
	 * @param owner the pulling instance
	 * @param lease how long the hold lasts without progress
	 * @param position where the cursor stood when claimed ({@code null}: the beginning)
	 * @param epoch the cursor's reset count when claimed
	 */
	record Claim(String catalog, String entityType, String owner, Duration lease, Instant position, long epoch) {
	}
}
