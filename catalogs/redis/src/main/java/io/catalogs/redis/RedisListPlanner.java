package io.catalogs.redis;

import io.catalogs.schema.EntityType;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Operator;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chooses the index a listing reads, never the whole keyspace. The candidates are the sort index of
 * the listing's field, bounded by the conditions on that field and by the cursors; the partition of
 * every equality condition on a partitioned field (in the listing's order when it is the default
 * order, which then replaces the sort index); and the sort index of every other field with
 * conditions, bounded by them. With one candidate it is taken; with several, their sizes are counted
 * in one pipelined round trip ({@code ZLEXCOUNT}) and the cheapest is taken: an unordered range costs
 * its size, an ordered one the expected number of members read before {@code limit + 1} matches,
 * assuming the matches are no more than the smallest candidate and spread evenly.
 */
final class RedisListPlanner {

	private final RedisConnector connector;

	RedisListPlanner(RedisConnector connector) {
		this.connector = connector;
	}

	/**
	 * The plan for {@code request}; with a {@code groupField} (a partitioned field with an equality
	 * condition) its partition is taken without counting, as for the nested listings of one parent.
	 */
	Mono<RedisListPlan> plan(RedisEntityLayout layout, PageRequest request, String groupField) {
		List<UUID> ids = request.conditions()
			.stream()
			.filter(condition -> condition.field().equals(EntityType.ID) && condition.operator() == Operator.EQ)
			.map(condition -> UUID.fromString(condition.value().toString()))
			.distinct()
			.toList();
		if (!ids.isEmpty()) {
			return Mono.just(RedisListPlan.lookup(ids));
		}
		List<RedisListPlan> candidates = candidates(layout, request, groupField);
		if (candidates.size() == 1) {
			return Mono.just(candidates.get(0));
		}
		return Flux.fromIterable(candidates)
			.flatMapSequential(plan -> this.connector.mono(commands -> commands.zlexcount(plan.indexKey(),
					plan.range().toRange())))
			.collectList()
			.map(counts -> cheapest(candidates, counts, request.limit() + 1L));
	}

	private List<RedisListPlan> candidates(RedisEntityLayout layout, PageRequest request, String groupField) {
		Sort sort = request.sort();
		boolean defaultOrder = sort.field().equals(EntityType.CREATED_AT);
		LexRange createdRange = bounded(layout, EntityType.CREATED_AT, request.conditions());
		if (defaultOrder) {
			createdRange = withCursors(layout, createdRange, request);
		}
		List<RedisListPlan> partitions = new ArrayList<>();
		for (Condition condition : request.conditions()) {
			if (condition.operator() == Operator.EQ && layout.hasPartitions(condition.field())) {
				String key = layout.partitionKey(condition.field(), condition.value());
				RedisListPlan plan = defaultOrder ? RedisListPlan.ordered(key, createdRange)
						: RedisListPlan.unordered(key, createdRange);
				if (condition.field().equals(groupField)) {
					return List.of(plan);
				}
				partitions.add(plan);
			}
		}
		List<RedisListPlan> candidates = new ArrayList<>(partitions);
		if (!defaultOrder || partitions.isEmpty()) {
			LexRange range = withCursors(layout, bounded(layout, sort.field(), request.conditions()), request);
			candidates.add(RedisListPlan.ordered(layout.sortIndexKey(sort.field()), range));
		}
		request.conditions()
			.stream()
			.map(Condition::field)
			.distinct()
			.filter(field -> !field.equals(sort.field()) && layout.hasSortIndex(field))
			.forEach(field -> candidates.add(RedisListPlan.unordered(layout.sortIndexKey(field),
					bounded(layout, field, request.conditions()))));
		return candidates;
	}

	private static RedisListPlan cheapest(List<RedisListPlan> candidates, List<Long> counts, long wanted) {
		long fewest = Math.max(1, counts.stream().mapToLong(Long::longValue).min().orElse(1));
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			order.add(i);
		}
		Comparator<Integer> byCost = Comparator.comparingDouble(i -> {
			long count = counts.get(i);
			return candidates.get(i).ordered() ? Math.min(count, (double) wanted * count / fewest) : count;
		});
		order.sort(byCost.thenComparing(i -> !candidates.get(i).ordered()));
		return candidates.get(order.get(0));
	}

	/** The range of the sort index of {@code field} that can hold entities meeting the conditions on it. */
	static LexRange bounded(RedisEntityLayout layout, String field, List<Condition> conditions) {
		LexRange range = LexRange.ALL;
		for (Condition condition : conditions) {
			if (!condition.field().equals(field)) {
				continue;
			}
			String value = layout.memberPrefix(field, condition.value());
			// members of the value are value + "\0" + id: all between value + "\0" and value + "\1"
			range = switch (condition.operator()) {
				case EQ -> range.atLeast(value + "\0", true).atMost(value + "\1", false);
				case GT -> range.atLeast(value + "\1", false);
				case GTE -> range.atLeast(value + "\0", true);
				case LT -> range.atMost(value + "\0", false);
				case LTE -> range.atMost(value + "\1", false);
				case CONTAINS -> throw new IllegalArgumentException("no index serves CONTAINS");
			};
			// an entity without a value meets no condition: skip the members that start with "\0"
			range = range.atLeast("=", true);
		}
		return range;
	}

	/** The range narrowed to the entities between the request's cursors, in member order of its sort field. */
	static LexRange withCursors(RedisEntityLayout layout, LexRange range, PageRequest request) {
		Sort sort = request.sort();
		LexRange result = range;
		if (request.after() != null) {
			String member = member(layout, sort, request.after());
			result = sort.descending() ? result.atMost(member, false) : result.atLeast(member, false);
		}
		if (request.before() != null) {
			String member = member(layout, sort, request.before());
			result = sort.descending() ? result.atLeast(member, false) : result.atMost(member, false);
		}
		return result;
	}

	private static String member(RedisEntityLayout layout, Sort sort, Cursor cursor) {
		return layout.member(sort.field(), cursor.sortValue(), cursor.id());
	}
}
