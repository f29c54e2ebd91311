package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.graphql.InvalidInputException;
import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.schema.SyncState;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Reads the control store's {@code sync_events} table for the {@code syncEvents} query: newest
 * first ({@code created_at} descending, then id ascending, the order of index
 * {@code sync_events_created}), with keyset paging, so a page costs one indexed range scan
 * however deep it is. Read-only; the sync pipeline writes the table.
 */
public class SyncEventQueries {

	private static final String COLUMNS = "id, event_id, entity_type, entity_id, operation, version, source, target, "
			+ "origin, state, attempts, error, committed_at, created_at, updated_at";

	private static final String CURSOR_PREFIX = "syncEvent:";

	private final DatabaseClient client;

	private final String table;

	/**
	 * Queries over {@code client}, reading {@code sync_events} of {@code schema} ({@code null}: the
	 * connection's search path).
	 */
	public SyncEventQueries(DatabaseClient client, String schema) {
		this.client = client;
		this.table = (schema != null && !schema.isBlank()) ? "\"" + schema.replace("\"", "\"\"") + "\".sync_events"
				: "sync_events";
	}

	/**
	 * Up to {@code size} events after the {@code after} cursor (from the newest with {@code null}),
	 * of one entity and/or in one state when given.
	 * @throws InvalidInputException if {@code after} is not a cursor of this listing
	 */
	public Mono<SyncEventPage> page(UUID entityId, SyncState state, int size, String after) {
		Position position = (after != null) ? Position.decode(after) : null;
		if (size == 0) {
			return Mono.just(new SyncEventPage(List.of(), position != null, false));
		}
		List<String> conditions = new ArrayList<>();
		if (entityId != null) {
			conditions.add("entity_id = :entityId");
		}
		if (state != null) {
			conditions.add("state = :state");
		}
		if (position != null) {
			conditions.add("(created_at < :createdAt OR (created_at = :createdAt AND id > :id))");
		}
		String sql = "SELECT " + COLUMNS + " FROM " + this.table
				+ (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
				+ " ORDER BY created_at DESC, id ASC LIMIT :limit";
		DatabaseClient.GenericExecuteSpec spec = this.client.sql(sql).bind("limit", size + 1);
		if (entityId != null) {
			spec = spec.bind("entityId", entityId);
		}
		if (state != null) {
			spec = spec.bind("state", state.name());
		}
		if (position != null) {
			spec = spec.bind("createdAt", position.createdAt().atOffset(ZoneOffset.UTC)).bind("id", position.id());
		}
		return spec.map(SyncEventRecord::of)
			.all()
			.collectList()
			.map((rows) -> new SyncEventPage((rows.size() > size) ? rows.subList(0, size) : rows, position != null,
					rows.size() > size));
	}

	/** The opaque cursor of an event: its exact creation time (microseconds, as stored) and id. */
	public static String cursor(SyncEventRecord event) {
		String raw = CURSOR_PREFIX + event.createdAt() + "|" + event.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One window of the listing.
	 *
	 * @param events the events, newest first
	 * @param hasPrevious whether the window starts after a cursor (events before it exist, or did)
	 * @param hasNext whether older events follow
	 */
	public record SyncEventPage(List<SyncEventRecord> events, boolean hasPrevious, boolean hasNext) {
	}

	private record Position(Instant createdAt, UUID id) {

		static Position decode(String cursor) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				if (!raw.startsWith(CURSOR_PREFIX)) {
					throw new IllegalArgumentException();
				}
				String[] parts = raw.substring(CURSOR_PREFIX.length()).split("\\|", 2);
				return new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("after", "is not a cursor of syncEvents");
			}
		}
	}
}
