package io.catalogs.redis;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.DuplicateEntityException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.VersionConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Writes entities with {@link RedisScript#WRITE_ENTITY}, one script call (one round trip) per write:
 * the hash, the removal of the index entries the entity occupied and the addition of its new ones
 * happen atomically, after a version comparison made inside the script. Updates are merged there
 * too, so concurrent writers never retry. The script's status becomes the SPI's outcome.
 */
final class RedisEntityWriter {

	private final RedisConnector connector;

	RedisEntityWriter(RedisConnector connector) {
		this.connector = connector;
	}

	/** Store a new entity; fails with {@link DuplicateEntityException} if its id exists, tombstones included. */
	Mono<Entity> create(RedisEntityLayout layout, Entity entity) {
		return write(layout, entity.id(), whole("create", layout, entity)).flatMap(reply -> "OK".equals(reply.get(0))
				? Mono.just(entity) : Mono.error(new DuplicateEntityException(entity.type(), entity.id())));
	}

	/** Store {@code incoming} unless a version at least as new is stored. */
	Mono<ApplyResult> applyIfNewer(RedisEntityLayout layout, Entity incoming) {
		return write(layout, incoming.id(), whole("newer", layout, incoming))
			.map(reply -> "OK".equals(reply.get(0)) ? ApplyResult.APPLIED : ApplyResult.STALE);
	}

	/** Merge {@code changes} into the live entity, bump its version, and emit it as stored. */
	Mono<Entity> update(RedisEntityLayout layout, UUID id, Map<String, Object> changes, Long expectedVersion,
			Instant now) {
		return Mono.defer(() -> {
			Map<String, String> set = new LinkedHashMap<>();
			List<String> cleared = new ArrayList<>();
			Map<String, List<String>> entries = new LinkedHashMap<>();
			changes.forEach((field, value) -> {
				if (value == null) {
					layout.attribute(field);
					cleared.add(field);
				}
				else {
					set.put(field, layout.attributeText(field, value));
				}
				if (layout.isIndexed(field)) {
					entries.put(field, layout.fieldEntries(field, value, id, ""));
				}
			});
			entries.put(EntityType.UPDATED_AT, layout.fieldEntries(EntityType.UPDATED_AT, now, id, ""));
			Map<String, Object> payload = rewrite("update", expectedVersion, now);
			payload.put("set", set);
			payload.put("del", cleared);
			payload.put("ix", entries);
			return stored(layout, id, expectedVersion, payload);
		});
	}

	/** Turn the live entity into a tombstone with its version bumped, and emit the tombstone. */
	Mono<Entity> delete(RedisEntityLayout layout, UUID id, Long expectedVersion, Instant now) {
		return stored(layout, id, expectedVersion, rewrite("delete", expectedVersion, now));
	}

	private Mono<Entity> stored(RedisEntityLayout layout, UUID id, Long expectedVersion, Map<String, Object> payload) {
		EntityType type = layout.type();
		return write(layout, id, payload).flatMap(reply -> switch ((String) reply.get(0)) {
			case "OK" -> Mono.just(layout.fromFlatHash(id, (List<?>) reply.get(2)));
			case "CONFLICT" -> Mono.error(
					new VersionConflictException(type, id, expectedVersion, Long.parseLong((String) reply.get(1))));
			default -> Mono.error(new EntityNotFoundException(type, id));
		});
	}

	private static Map<String, Object> whole(String mode, RedisEntityLayout layout, Entity entity) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("mode", mode);
		payload.put("version", Long.toString(entity.version()));
		payload.put("set", layout.hashFields(entity));
		payload.put("ix", layout.indexEntries(entity));
		return payload;
	}

	private static Map<String, Object> rewrite(String mode, Long expectedVersion, Instant now) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("mode", mode);
		if (expectedVersion != null) {
			payload.put("version", expectedVersion.toString());
		}
		payload.put("updated", Long.toString(now.toEpochMilli()));
		return payload;
	}

	private Mono<List<Object>> write(RedisEntityLayout layout, UUID id, Map<String, Object> payload) {
		String[] keys = { layout.hashKey(id) };
		return this.connector.run(RedisScript.WRITE_ENTITY, keys, RedisValueCodec.json(payload)).map(reply -> {
			if (reply.size() < 2 || !(reply.get(0) instanceof String)) {
				throw new CatalogException("unexpected reply of the write script");
			}
			return reply;
		});
	}
}
