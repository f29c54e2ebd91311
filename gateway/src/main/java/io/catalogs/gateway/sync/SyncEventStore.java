package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.SyncState;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.RowsFetchSpec;

/**
 * The {@code sync_events} table: the state of every change event for every target catalog. Writes
 * are upserts by {@code (event_id, target)}, so an event the table has no PENDING row for (a
 * replay, an event published by another tool) is recorded too. A target's success is final: a
 * later outcome for the same event and target (a duplicate delivery, a manual retry) leaves an
 * {@code APPLIED} or {@code SKIPPED_STALE} row as it is.
 */
final class SyncEventStore {

	static final String COLUMNS = "id, event_id, entity_type, entity_id, operation, version, source, target, origin, "
			+ "state, attempts, error, committed_at, created_at, updated_at";

	private static final String SUCCEEDED = "('APPLIED', 'SKIPPED_STALE')";

	private final ControlStore store;

	private final ChangeEventCodec codec;

	private final String table;

	SyncEventStore(ControlStore store, ChangeEventCodec codec) {
		this.store = store;
		this.codec = codec;
		this.table = store.table("sync_events");
	}

	/**
	 * Record a success of {@code event} on {@code target}: emits the row as stored, or completes empty
	 * when the row already recorded a success (nothing changed).
	 */
	Mono<SyncEventRecord> recordSuccess(ChangeEvent event, String target, SyncState state) {
		return insertOrUpdate(this.store.client(), event, target, state, null, null, 1,
				"attempts = " + this.table + ".attempts + 1, error = NULL, next_attempt_at = NULL")
			.one();
	}

	/** The row of {@code event} and {@code target} locked for update, if there is one (inside a transaction). */
	Mono<Attempt> lock(ChangeEvent event, String target) {
		return this.store.client()
			.sql("SELECT state, attempts FROM " + this.table + " WHERE event_id = :eventId AND target = :target "
					+ "FOR UPDATE")
			.bind("eventId", event.id())
			.bind("target", target)
			.map((row) -> new Attempt(SyncState.valueOf(row.get("state", String.class)),
					row.get("attempts", Integer.class)))
			.one();
	}

	/** Store the state after a failed attempt, whatever the row held (the caller decided with {@link #lock}). */
	Mono<SyncEventRecord> recordFailure(ChangeEvent event, String target, SyncState state, int attempts, String error,
			Instant nextAttemptAt) {
		return insertOrUpdate(this.store.client(), event, target, state, error, nextAttemptAt, attempts,
				"attempts = EXCLUDED.attempts, error = EXCLUDED.error, next_attempt_at = EXCLUDED.next_attempt_at")
			.one();
	}

	private RowsFetchSpec<SyncEventRecord> insertOrUpdate(DatabaseClient client, ChangeEvent event, String target,
			SyncState state, String error, Instant nextAttemptAt, int attempts, String updates) {
		String sql = "INSERT INTO " + this.table + " (id, event_id, target, entity_type, entity_id, operation, version, "
				+ "source, origin, state, attempts, error, next_attempt_at, payload, committed_at) VALUES (:id, "
				+ ":eventId, :target, :entityType, :entityId, :operation, :version, :source, :origin, :state, "
				+ ":attempts, :error, :nextAttemptAt, :payload, :committedAt) ON CONFLICT (event_id, target) DO UPDATE "
				+ "SET state = EXCLUDED.state, " + updates + ", updated_at = now() WHERE " + this.table
				+ ".state NOT IN " + SUCCEEDED + " RETURNING " + COLUMNS;
		DatabaseClient.GenericExecuteSpec spec = client.sql(sql)
			.bind("id", UUID.randomUUID())
			.bind("eventId", event.id())
			.bind("target", target)
			.bind("entityType", event.entity().type().name())
			.bind("entityId", event.entity().id())
			.bind("operation", event.operation().name())
			.bind("version", event.entity().version())
			.bind("source", event.source())
			.bind("state", state.name())
			.bind("attempts", attempts)
			.bind("payload", Json.of(this.codec.write(event)))
			.bind("committedAt", offset(event.committedAt()));
		spec = (event.origin() != null) ? spec.bind("origin", event.origin()) : spec.bindNull("origin", String.class);
		spec = (error != null) ? spec.bind("error", error) : spec.bindNull("error", String.class);
		spec = (nextAttemptAt != null) ? spec.bind("nextAttemptAt", offset(nextAttemptAt))
				: spec.bindNull("nextAttemptAt", OffsetDateTime.class);
		return spec.map(SyncEventRecord::of);
	}

	/** The PENDING rows of these change events. */
	Flux<SyncEventRecord> pendingOf(Collection<UUID> eventIds) {
		return this.store.client()
			.sql("SELECT " + COLUMNS + " FROM " + this.table + " WHERE event_id = ANY(:ids) AND state = 'PENDING'")
			.bind("ids", eventIds.toArray(UUID[]::new))
			.map(SyncEventRecord::of)
			.all();
	}

	/** The row with that id and the change event it holds; empty if there is none. */
	Mono<StoredEvent> find(UUID id) {
		return this.store.client()
			.sql("SELECT " + COLUMNS + ", payload FROM " + this.table + " WHERE id = :id")
			.bind("id", id)
			.map(this::stored)
			.one();
	}

	/**
	 * Take up to {@code limit} RETRYING rows whose next attempt is due, moving their next attempt
	 * {@code lease} ahead so that no other instance takes them meanwhile (if this one dies, they
	 * are due again after the lease).
	 */
	Flux<StoredEvent> claimDue(int limit, java.time.Duration lease) {
		return this.store.client()
			.sql("UPDATE " + this.table + " SET next_attempt_at = now() + make_interval(secs => :lease) "
					+ "WHERE id IN (SELECT id FROM " + this.table + " WHERE state = 'RETRYING' AND next_attempt_at <= now() "
					+ "ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS + ", payload")
			.bind("lease", (double) lease.toMillis() / 1000)
			.bind("limit", limit)
			.map(this::stored)
			.all();
	}

	/** Make DEAD_LETTERED rows (of one target, or all when {@code null}) due for another round of attempts now. */
	Flux<SyncEventRecord> requeueDeadLetters(String target) {
		DatabaseClient.GenericExecuteSpec spec = this.store.client()
			.sql("UPDATE " + this.table + " SET state = 'RETRYING', attempts = 0, error = NULL, next_attempt_at = now(), "
					+ "updated_at = now() WHERE state = 'DEAD_LETTERED'" + ((target != null) ? " AND target = :target" : "")
					+ " RETURNING " + COLUMNS);
		if (target != null) {
			spec = spec.bind("target", target);
		}
		return spec.map(SyncEventRecord::of).all();
	}

	private StoredEvent stored(Readable row) {
		return new StoredEvent(SyncEventRecord.of(row), this.codec.read(row.get("payload", Json.class).asArray()));
	}

	static OffsetDateTime offset(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A row's state and attempts so far.
	 *
	 * @param state the stored state
	 * @param attempts the attempts made
	 */
	record Attempt(SyncState state, int attempts) {
	}

	/**
	 * A row and the change event it is about.
	 *
	 * @param record the row
	 * @param event the change event
	 */
	record StoredEvent(SyncEventRecord record, ChangeEvent event) {
	}
}
