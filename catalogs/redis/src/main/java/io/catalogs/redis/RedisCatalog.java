package io.catalogs.redis;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.CapabilityCheck;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Operator;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A catalog in Redis, through Lettuce's reactive API, laid out as {@link RedisEntityLayout}
 * describes: a hash per entity, lexicographic sorted sets as sort indexes (timestamps and decimals)
 * and as partitions per value (text, enum and id attributes), all written with the entity in one
 * atomic Lua script that also checks the version. No operation scans the keyspace.
 *
 * <p>Capabilities, per entity type: sorting by, and {@code EQ}/{@code GT}/{@code GTE}/{@code LT}/
 * {@code LTE} filters on, every timestamp and decimal field (a range of its sort index); {@code EQ}
 * on every text, enum and id attribute (a partition) and on {@code id} (a lookup); backward paging
 * (the same ranges read downwards). A condition on another field than the sort field is served by
 * whichever index range is cheapest (see {@link RedisListPlanner}). Not declared: {@code CONTAINS} (no
 * index finds a substring without reading everything); sorting by, and range filters on, text, enum
 * and id fields (such an index would repeat every value once more per entity, Redis orders members by
 * UTF-8 bytes rather than the contract's UTF-16 order, and the API lists in creation order); and
 * transactions across entities.
 *
 * <p>Every write is one script call: the version check, the merge of an update and the move of the
 * index entries happen inside it, so concurrent writers of one entity are serialized by Redis and
 * never retry.
 */
public final class RedisCatalog implements Catalog {

	private final CatalogDefinition definition;

	private final RedisConnector connector;

	private final Map<EntityType, RedisEntityLayout> layouts = new LinkedHashMap<>();

	private final Set<Capability> capabilities;

	private final RedisListPlanner planner;

	private final RedisIndexReader reader;

	private final RedisEntityWriter writer;

	private RedisCatalog(CatalogDefinition definition, RedisConnector connector, String keyPrefix) {
		this.definition = definition;
		this.connector = connector;
		Set<Capability> declared = new LinkedHashSet<>();
		for (EntityType type : definition.entityTypes()) {
			RedisEntityLayout layout = RedisEntityLayout.of(type, keyPrefix);
			this.layouts.put(type, layout);
			declared.addAll(capabilities(layout));
		}
		declared.add(Capability.BACKWARD_PAGING);
		this.capabilities = Set.copyOf(declared);
		this.planner = new RedisListPlanner(connector);
		this.reader = new RedisIndexReader(connector);
		this.writer = new RedisEntityWriter(connector);
	}

	/** A catalog on the Redis the properties name; connects on first use, so Redis may be down now. */
	public static RedisCatalog create(CatalogDefinition definition, RedisCatalogProperties properties) {
		return new RedisCatalog(definition, RedisConnector.create(definition.name(), properties),
				properties.keyPrefix());
	}

	private static Set<Capability> capabilities(RedisEntityLayout layout) {
		EntityType type = layout.type();
		Set<Capability> result = new LinkedHashSet<>();
		result.add(Capability.filter(type, EntityType.ID, Operator.EQ));
		for (FieldDef field : layout.sortFields()) {
			result.add(Capability.sort(type, field.name()));
			for (Operator operator : Operator.values()) {
				if (operator != Operator.CONTAINS) {
					result.add(Capability.filter(type, field.name(), operator));
				}
			}
		}
		for (FieldDef field : layout.partitionFields()) {
			result.add(Capability.filter(type, field.name(), Operator.EQ));
		}
		return result;
	}

	@Override
	public CatalogDefinition definition() {
		return this.definition;
	}

	@Override
	public Set<Capability> capabilities() {
		return this.capabilities;
	}

	@Override
	public Mono<Entity> get(EntityType type, UUID id) {
		return withLayout(type, layout -> this.connector
			.mono(commands -> commands.hgetall(layout.hashKey(id)).collectMap(kv -> kv.getKey(), kv -> kv.getValue()))
			.mapNotNull(hash -> layout.fromHash(id, hash))
			.filter(entity -> !entity.deleted()));
	}

	@Override
	public Flux<Entity> getMany(EntityType type, Collection<UUID> ids) {
		return withLayout(type, layout -> this.reader.entities(layout, Set.copyOf(ids)))
			.flatMapIterable(Function.identity())
			.filter(entity -> !entity.deleted());
	}

	@Override
	public Mono<Page> list(EntityType type, PageRequest request) {
		return withLayout(type, layout -> {
			CapabilityCheck.verify(this, type, request);
			return this.planner.plan(layout, request, null).flatMap(plan -> this.reader.read(layout, plan, request));
		});
	}

	@Override
	public Mono<Map<Object, Page>> listGrouped(EntityType type, String groupField, Collection<?> groupValues,
			PageRequest request) {
		return withLayout(type, layout -> {
			CapabilityCheck.verifyGrouped(this, type, groupField, request);
			Set<Object> values = new LinkedHashSet<>(groupValues);
			return Flux.fromIterable(values).flatMapSequential(value -> {
				PageRequest grouped = request.where(Condition.eq(groupField, value));
				return this.planner.plan(layout, grouped, groupField)
					.flatMap(plan -> this.reader.read(layout, plan, grouped))
					.map(page -> Map.entry(value, page));
			}).collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
		});
	}

	@Override
	public Mono<Entity> create(Entity entity) {
		return withLayout(entity.type(), layout -> this.writer.create(layout, entity));
	}

	@Override
	public Mono<Entity> update(EntityType type, UUID id, Map<String, Object> changes, Long expectedVersion,
			Instant now) {
		return withLayout(type, layout -> this.writer.update(layout, id, changes, expectedVersion, now));
	}

	@Override
	public Mono<Entity> delete(EntityType type, UUID id, Long expectedVersion, Instant now) {
		return withLayout(type, layout -> this.writer.delete(layout, id, expectedVersion, now));
	}

	@Override
	public Mono<ApplyResult> applyIfNewer(Entity incoming) {
		return withLayout(incoming.type(), layout -> this.writer.applyIfNewer(layout, incoming));
	}

	@Override
	public Mono<Void> ping() {
		return this.connector.mono(commands -> commands.ping()).then();
	}

	@Override
	public Mono<Void> close() {
		return this.connector.close();
	}

	private <T> Mono<T> withLayout(EntityType type, Function<RedisEntityLayout, Mono<T>> work) {
		return Mono.defer(() -> {
			RedisEntityLayout layout = this.layouts.get(type);
			if (layout == null) {
				return Mono.error(new IllegalArgumentException(
						"catalog '" + this.definition.name() + "' holds no " + type + " entities"));
			}
			return work.apply(layout);
		});
	}
}
