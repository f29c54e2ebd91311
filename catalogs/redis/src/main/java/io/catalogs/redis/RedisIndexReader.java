package io.catalogs.redis;

import io.catalogs.schema.Entity;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.support.EntityMatcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Reads what a {@link RedisListPlan} names: index members with their hashes in one script call per
 * chunk, so that a chunk costs one round trip however many entities it holds. Ordered plans are
 * walked from their cursor end in growing chunks until {@code limit + 1} entities meet every
 * condition or the range ends; unordered ones are read whole and windowed in memory by
 * {@link EntityMatcher}, the contract's reference semantics.
 */
final class RedisIndexReader {

	/** Members per chunk when a range is read whole, and the largest chunk of a walk. */
	static final int MAX_CHUNK = 1000;

	private final RedisConnector connector;

	RedisIndexReader(RedisConnector connector) {
		this.connector = connector;
	}

	/** The window of {@code request} read as {@code plan} says. */
	Mono<Page> read(RedisEntityLayout layout, RedisListPlan plan, PageRequest request) {
		if (plan.isLookup()) {
			return entities(layout, plan.ids()).map(found -> EntityMatcher.window(found.stream(), request));
		}
		if (!plan.ordered()) {
			return walk(layout, plan.indexKey(), plan.range(), false, MAX_CHUNK, Integer.MAX_VALUE, request, false,
					new ArrayList<>())
				.map(found -> EntityMatcher.window(found.stream(), request));
		}
		boolean reverse = request.sort().descending() != request.backward();
		int wanted = request.limit() + 1;
		return walk(layout, plan.indexKey(), plan.range(), reverse, Math.min(wanted, MAX_CHUNK), wanted, request,
				true, new ArrayList<>())
			.map(found -> Page.fromProbe(found, request));
	}

	/** The entities (live or not) stored under those ids, in one round trip; unknown ids are left out. */
	Mono<List<Entity>> entities(RedisEntityLayout layout, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(List.of());
		}
		List<UUID> ordered = List.copyOf(ids);
		String[] keys = ordered.stream().map(layout::hashKey).toArray(String[]::new);
		return this.connector.run(RedisScript.GET_ENTITIES, keys).map(hashes -> {
			List<Entity> found = new ArrayList<>();
			for (int i = 0; i < hashes.size(); i++) {
				Entity entity = layout.fromFlatHash(ordered.get(i), (List<?>) hashes.get(i));
				if (entity != null) {
					found.add(entity);
				}
			}
			return found;
		});
	}

	/**
	 * Read {@code range} chunk by chunk, keeping the live entities that meet the request (its
	 * conditions, plus its cursors when {@code inWindow}), until {@code wanted} are kept or the range ends.
	 */
	private Mono<List<Entity>> walk(RedisEntityLayout layout, String key, LexRange range, boolean reverse, int chunk,
			int wanted, PageRequest request, boolean inWindow, List<Entity> kept) {
		String[] keys = { key };
		return this.connector
			.run(RedisScript.WALK_INDEX, keys, range.min(), range.max(), Integer.toString(chunk), reverse ? "1" : "0",
					layout.hashKeyPrefix())
			.flatMap(rows -> {
				String last = null;
				for (Object row : rows) {
					List<?> pair = (List<?>) row;
					last = (String) pair.get(0);
					Entity entity = layout.fromFlatHash(RedisEntityLayout.idOf(last), (List<?>) pair.get(1));
					if (entity != null && qualifies(entity, request, inWindow) && kept.size() < wanted) {
						kept.add(entity);
					}
				}
				if (kept.size() >= wanted || rows.size() < chunk) {
					return Mono.just(kept);
				}
				LexRange rest = reverse ? range.atMost(last, false) : range.atLeast(last, false);
				return walk(layout, key, rest, reverse, Math.min(chunk * 2, MAX_CHUNK), wanted, request, inWindow,
						kept);
			});
	}

	private static boolean qualifies(Entity entity, PageRequest request, boolean inWindow) {
		if (entity.deleted() || !EntityMatcher.matches(entity, request.conditions())) {
			return false;
		}
		if (!inWindow) {
			return true;
		}
		return (request.after() == null || EntityMatcher.isAfter(entity, request.after(), request.sort()))
				&& (request.before() == null
						|| EntityMatcher.isAfter(entity, request.before(), request.sort().reversed()));
	}
}
