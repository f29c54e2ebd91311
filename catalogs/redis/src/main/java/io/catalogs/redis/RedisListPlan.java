package io.catalogs.redis;

import java.util.List;
import java.util.UUID;

/**
 * Where a listing reads its candidates: a range of one index, either in the listing's order (then
 * the read stops after {@code limit + 1} matches) or in another order (then the whole range is read
 * and ordered in memory), or a few ids named by an {@code id} condition.
 *
 * @param indexKey the sorted set to read, {@code null} for an id lookup
 * @param range the members to read
 * @param ordered whether member order is the listing's order (ascending members = ascending sort)
 * @param ids the ids to look up when {@code indexKey} is {@code null}
 */
record RedisListPlan(String indexKey, LexRange range, boolean ordered, List<UUID> ids) {

	static RedisListPlan ordered(String indexKey, LexRange range) {
		return new RedisListPlan(indexKey, range, true, List.of());
	}

	static RedisListPlan unordered(String indexKey, LexRange range) {
		return new RedisListPlan(indexKey, range, false, List.of());
	}

	static RedisListPlan lookup(List<UUID> ids) {
		return new RedisListPlan(null, LexRange.ALL, false, List.copyOf(ids));
	}

	boolean isLookup() {
		return this.indexKey == null;
	}
}
