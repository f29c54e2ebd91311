package io.catalogs.gateway.inbound;

import io.catalogs.api.InboundChange;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.EntityType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code inbound_marks} table of the control store: per vendor object of an API catalog, the
 * vendor modification time of the newest state taken in and the entity it went to. A change not
 * newer than its mark is a duplicate (or an older state) and is not applied.
 */
public final class InboundMarks {

	private final ControlStore store;

	private final String table;

	InboundMarks(ControlStore store) {
		this.store = store;
		this.table = store.table("inbound_marks");
	}

	/** The marks of these vendor objects by vendor id; objects without one are left out. */
	Mono<Map<String, Mark>> find(String catalog, EntityType type, Collection<String> remoteIds) {
		return this.store.client()
			.sql("SELECT remote_id, entity_id, modified_at FROM " + this.table
					+ " WHERE catalog = :catalog AND entity_type = :type AND remote_id = ANY(:ids)")
			.bind("catalog", catalog)
			.bind("type", type.name())
			.bind("ids", remoteIds.toArray(String[]::new))
			.map((row) -> new Mark(row.get("remote_id", String.class), row.get("entity_id", UUID.class),
					row.get("modified_at", OffsetDateTime.class).toInstant()))
			.all()
			.collectMap(Mark::remoteId);
	}

	/**
	 * Moves the mark of {@code change}'s object to its modification time, on {@code client} (the
	 * write's transaction, when there is one), and emits whether it moved: {@code false} when the
	 * mark already was at that time or later (another pull or webhook applied it concurrently).
	 */
	Function<DatabaseClient, Mono<Boolean>> advance(InboundChange change, UUID entityId) {
		return (client) -> {
			DatabaseClient.GenericExecuteSpec spec = client.sql("INSERT INTO " + this.table
					+ " AS m (catalog, entity_type, remote_id, entity_id, modified_at) VALUES (:catalog, :type, :remote, :entity, :at)"
					+ " ON CONFLICT (catalog, entity_type, remote_id) DO UPDATE SET modified_at = EXCLUDED.modified_at,"
					+ " entity_id = COALESCE(EXCLUDED.entity_id, m.entity_id), updated_at = now()"
					+ " WHERE m.modified_at < EXCLUDED.modified_at")
				.bind("catalog", change.catalog())
				.bind("type", change.type().name())
				.bind("remote", change.remoteId())
				.bind("at", OffsetDateTime.ofInstant(change.modifiedAt(), ZoneOffset.UTC));
			spec = (entityId != null) ? spec.bind("entity", entityId) : spec.bindNull("entity", UUID.class);
			return spec.fetch().rowsUpdated().map((rows) -> rows > 0);
		};
	}

	/**
	 * The guard of an inbound write: in the write's transaction when the primary shares the control
	 * store's, the mark moves with the write; otherwise it is only checked here and moved after the
	 * write succeeded ({@link #advanceAlone}), so that a failed write is read and applied again by
	 * the next pull (a crash between the write and the mark makes the re-read find its state
	 * unchanged).
	 */
	Function<DatabaseClient, Mono<Boolean>> guard(InboundChange change, UUID entityId, boolean shared) {
		if (shared) {
			return advance(change, entityId);
		}
		return (client) -> client.sql("SELECT modified_at FROM " + this.table
				+ " WHERE catalog = :catalog AND entity_type = :type AND remote_id = :remote")
			.bind("catalog", change.catalog())
			.bind("type", change.type().name())
			.bind("remote", change.remoteId())
			.map((row) -> row.get("modified_at", OffsetDateTime.class).toInstant())
			.one()
			.map((marked) -> change.modifiedAt().isAfter(marked))
			.defaultIfEmpty(true);
	}

	/** {@link #advance} in a statement of its own, for a change that needs no write. */
	Mono<Boolean> advanceAlone(InboundChange change, UUID entityId) {
		return advance(change, entityId).apply(this.store.client());
	}

	/**
	 * A vendor object's mark.
	 *
	 * @param remoteId the vendor id
	 * @param entityId the entity its newest state went to, {@code null} when none (nothing to apply)
	 * @param modifiedAt the vendor modification time of that state
	 */
	record Mark(String remoteId, UUID entityId, Instant modifiedAt) {

		/** Whether {@code change} is not newer than this mark. */
		boolean covers(InboundChange change) {
			return !change.modifiedAt().isAfter(this.modifiedAt);
		}
	}
}
