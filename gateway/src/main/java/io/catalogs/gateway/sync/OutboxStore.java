package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code outbox} table (Debezium outbox-router columns: {@code aggregatetype} = entity type,
 * {@code aggregateid} = entity id and Kafka key, {@code type} = operation, {@code payload} = the
 * {@link ChangeEvent} as JSON) and the PENDING {@code sync_events} rows recorded with each row.
 * Every method takes the {@link DatabaseClient} to run on, so that a caller can run it in a
 * catalog's transaction or the control store's.
 */
final class OutboxStore {

	private final ChangeEventCodec codec;

	private final String outbox;

	private final String syncEvents;

	OutboxStore(ControlStore store, ChangeEventCodec codec) {
		this.codec = codec;
		this.outbox = store.table("outbox");
		this.syncEvents = store.table("sync_events");
	}

	/**
	 * Insert a READY row for {@code event} and a PENDING sync event per target, in one statement;
	 * emits the PENDING rows.
	 */
	Flux<SyncEventRecord> insertReady(DatabaseClient client, ChangeEvent event, List<String> targets) {
		return bindEvent(client.sql("WITH row AS (INSERT INTO " + this.outbox + " (id, aggregatetype, aggregateid, "
				+ "type, payload, state, source) VALUES (:id, :entityType, :aggregateId, :operation, :payload, 'READY', "
				+ ":source)) " + pendingRows()), event, targets)
			.bind("aggregateId", event.entity().id().toString())
			.map(SyncEventRecord::of)
			.all();
	}

	/**
	 * Turn the INTENT row {@code event.id()} into a READY one with the event, with a PENDING sync
	 * event per target; emits the PENDING rows. If the row is no longer INTENT (the recovery sweep
	 * took it), a new READY row is inserted instead, so the change is published either way. Run it
	 * in a transaction.
	 */
	Flux<SyncEventRecord> markReady(DatabaseClient client, ChangeEvent event, List<String> targets) {
		return client.sql("UPDATE " + this.outbox + " SET state = 'READY', payload = :payload WHERE id = :id "
				+ "AND state = 'INTENT'")
			.bind("id", event.id())
			.bind("payload", Json.of(this.codec.write(event)))
			.fetch()
			.rowsUpdated()
			.flatMapMany((updated) -> {
				if (updated == 0) {
					ChangeEvent again = new ChangeEvent(UUID.randomUUID(), event.operation(), event.source(),
							event.origin(), event.targets(), event.committedAt(), event.entity());
					return insertReady(client, again, targets);
				}
				return bindEvent(client.sql(pendingRows()), event, targets).map(SyncEventRecord::of).all();
			});
	}

	private String pendingRows() {
		return "INSERT INTO " + this.syncEvents + " (id, event_id, target, entity_type, entity_id, operation, version, "
				+ "source, origin, state, payload, committed_at) SELECT gen_random_uuid(), :id, target, :entityType, "
				+ ":entityId, :operation, :version, :source, :origin, 'PENDING', :payload, :committedAt "
				+ "FROM unnest(:targets) AS target RETURNING " + SyncEventStore.COLUMNS;
	}

	private DatabaseClient.GenericExecuteSpec bindEvent(DatabaseClient.GenericExecuteSpec spec, ChangeEvent event,
			List<String> targets) {
		DatabaseClient.GenericExecuteSpec bound = spec.bind("id", event.id())
			.bind("entityType", event.entity().type().name())
			.bind("entityId", event.entity().id())
			.bind("operation", event.operation().name())
			.bind("version", event.entity().version())
			.bind("source", event.source())
			.bind("payload", Json.of(this.codec.write(event)))
			.bind("committedAt", SyncEventStore.offset(event.committedAt()))
			.bind("targets", targets.toArray(String[]::new));
		return (event.origin() != null) ? bound.bind("origin", event.origin()) : bound.bindNull("origin", String.class);
	}

	/**
	 * Insert an INTENT row: a write of {@code type} {@code entityId} to {@code source} is about to
	 * happen; {@code tombstone} is what a delete will write ({@code null} otherwise).
	 */
	Mono<Void> insertIntent(DatabaseClient client, UUID id, ChangeOperation operation, EntityType type,
			UUID entityId, String source, ChangeEvent tombstone) {
		DatabaseClient.GenericExecuteSpec spec = client.sql("INSERT INTO " + this.outbox + " (id, aggregatetype, "
				+ "aggregateid, type, payload, state, source) VALUES (:id, :entityType, :entityId, :operation, :payload, "
				+ "'INTENT', :source)")
			.bind("id", id)
			.bind("entityType", type.name())
			.bind("entityId", entityId.toString())
			.bind("operation", operation.name())
			.bind("source", source);
		spec = (tombstone != null) ? spec.bind("payload", Json.of(this.codec.write(tombstone)))
				: spec.bindNull("payload", Json.class);
		return spec.then();
	}

	/** Remove a row (an intent whose write certainly did not happen). */
	Mono<Void> delete(DatabaseClient client, UUID id) {
		return client.sql("DELETE FROM " + this.outbox + " WHERE id = :id").bind("id", id).then();
	}

	/** Up to {@code limit} unpublished READY rows in commit-sequence order, locked (others skip them). */
	Flux<ReadyRow> lockReady(DatabaseClient client, int limit) {
		return client.sql("SELECT id, aggregateid, payload FROM " + this.outbox + " WHERE published_at IS NULL AND "
				+ "state = 'READY' ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED")
			.bind("limit", limit)
			.map((row) -> new ReadyRow(row.get("id", UUID.class), row.get("aggregateid", String.class),
					row.get("payload", Json.class).asArray()))
			.all();
	}

	/** Mark rows published now. */
	Mono<Long> markPublished(DatabaseClient client, Collection<UUID> ids) {
		return client.sql("UPDATE " + this.outbox + " SET published_at = now() WHERE id = ANY(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.fetch()
			.rowsUpdated();
	}

	/** Delete rows published before {@code cutoff}; emits how many. */
	Mono<Long> prunePublished(DatabaseClient client, Instant cutoff) {
		return client.sql("DELETE FROM " + this.outbox + " WHERE published_at < :cutoff")
			.bind("cutoff", SyncEventStore.offset(cutoff))
			.fetch()
			.rowsUpdated();
	}

	/** Up to {@code limit} INTENT rows created before {@code cutoff}, locked (others skip them). */
	Flux<IntentRow> lockStaleIntents(DatabaseClient client, Instant cutoff, int limit) {
		return client.sql("SELECT id, aggregatetype, aggregateid, type, source, payload FROM " + this.outbox
				+ " WHERE state = 'INTENT' AND created_at < :cutoff ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED")
			.bind("cutoff", SyncEventStore.offset(cutoff))
			.bind("limit", limit)
			.map((row) -> {
				Json payload = row.get("payload", Json.class);
				return new IntentRow(row.get("id", UUID.class), row.get("aggregatetype", String.class),
						UUID.fromString(row.get("aggregateid", String.class)),
						ChangeOperation.valueOf(row.get("type", String.class)), row.get("source", String.class),
						(payload != null) ? this.codec.read(payload.asArray()) : null);
			})
			.all();
	}

	/**
	 * An unpublished READY row.
	 *
	 * @param id the event id
	 * @param key the Kafka key (entity id)
	 * @param payload the change event as JSON
	 */
	record ReadyRow(UUID id, String key, byte[] payload) {
	}

	/**
	 * A write that was about to happen.
	 *
	 * @param id the event id
	 * @param entityType the entity type name
	 * @param entityId the entity id
	 * @param operation the write
	 * @param source the catalog written to
	 * @param tombstone for a delete, the tombstone it would write; {@code null} otherwise
	 */
	record IntentRow(UUID id, String entityType, UUID entityId, ChangeOperation operation, String source,
			ChangeEvent tombstone) {

		Entity tombstoneEntity() {
			return (this.tombstone != null) ? this.tombstone.entity() : null;
		}
	}
}
