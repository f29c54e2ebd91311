package io.catalogs.tck;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Capability;
import io.catalogs.spi.CapabilityCheck;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.Condition;
import io.catalogs.spi.DuplicateEntityException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.VersionConflictException;
import io.catalogs.spi.support.EntityMatcher;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A catalog held in memory: the reference implementation of {@link Catalog}, small enough to read
 * as documentation of the contract, and a fixture for tests that need a real catalog without a
 * store. Each entity type is a {@link ConcurrentHashMap} from id to entity (tombstones included);
 * every check-and-write runs inside one {@code compute} on that map, so it is atomic. Filters,
 * order and windows are {@link EntityMatcher}'s; refusals are {@link CapabilityCheck}'s.
 *
 * <p>{@link #setAvailable(boolean) setAvailable(false)} simulates a store that is down: every call
 * then signals {@link CatalogUnavailableException} until it is switched back on.
 */
public class InMemoryCatalog implements Catalog {

	private final CatalogDefinition definition;

	private final Set<Capability> capabilities;

	private final Map<EntityType, ConcurrentMap<UUID, Entity>> entities = new ConcurrentHashMap<>();

	private final AtomicBoolean available = new AtomicBoolean(true);

	/** A catalog for {@code definition} that serves exactly the given capabilities. */
	public InMemoryCatalog(CatalogDefinition definition, Set<Capability> capabilities) {
		this.definition = Objects.requireNonNull(definition, "definition");
		this.capabilities = Set.copyOf(capabilities);
	}

	/** Everything a catalog of these entity types could declare ({@link Capability#everyFor}), as a set of one's own. */
	public static Set<Capability> allCapabilities(Collection<EntityType> types) {
		return new LinkedHashSet<>(Capability.everyFor(types));
	}

	/** Switch the simulated store on or off; while off every call signals {@link CatalogUnavailableException}. */
	public void setAvailable(boolean available) {
		this.available.set(available);
	}

	/** Forget every entity and tombstone (blocking, for tests). */
	public void clear() {
		this.entities.clear();
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
		return call(() -> live(store(type).get(id)));
	}

	@Override
	public Flux<Entity> getMany(EntityType type, Collection<UUID> ids) {
		return call(() -> ids.stream().distinct().map(store(type)::get).map(this::live).filter(Objects::nonNull).toList())
			.flatMapIterable(list -> list);
	}

	@Override
	public Mono<Page> list(EntityType type, PageRequest request) {
		return call(() -> {
			CapabilityCheck.verify(this, type, request);
			return EntityMatcher.window(store(type).values().stream(), request);
		});
	}

	@Override
	public Mono<Map<Object, Page>> listGrouped(EntityType type, String groupField, Collection<?> groupValues,
			PageRequest request) {
		return call(() -> {
			CapabilityCheck.verifyGrouped(this, type, groupField, request);
			Map<Object, Page> pages = new LinkedHashMap<>();
			for (Object value : groupValues) {
				PageRequest group = request.where(Condition.eq(groupField, value));
				pages.put(value, EntityMatcher.window(store(type).values().stream(), group));
			}
			return pages;
		});
	}

	@Override
	public Mono<Entity> create(Entity entity) {
		return call(() -> {
			if (store(entity.type()).putIfAbsent(entity.id(), entity) != null) {
				throw new DuplicateEntityException(entity.type(), entity.id());
			}
			return entity;
		});
	}

	@Override
	public Mono<Entity> update(EntityType type, UUID id, Map<String, Object> changes, Long expectedVersion,
			Instant now) {
		return call(() -> store(type).compute(id, (key, current) -> {
			checkWritable(type, id, current, expectedVersion);
			return current.withChanges(changes, now);
		}));
	}

	@Override
	public Mono<Entity> delete(EntityType type, UUID id, Long expectedVersion, Instant now) {
		return call(() -> store(type).compute(id, (key, current) -> {
			checkWritable(type, id, current, expectedVersion);
			return current.toTombstone(now);
		}));
	}

	@Override
	public Mono<ApplyResult> applyIfNewer(Entity incoming) {
		return call(() -> {
			AtomicBoolean applied = new AtomicBoolean();
			store(incoming.type()).compute(incoming.id(), (key, current) -> {
				boolean newer = current == null || incoming.version() > current.version();
				applied.set(newer);
				return newer ? incoming : current;
			});
			return applied.get() ? ApplyResult.APPLIED : ApplyResult.STALE;
		});
	}

	@Override
	public Mono<Void> ping() {
		return call(() -> null).then();
	}

	/** Runs {@code work} on subscription, signalling what it throws; a {@code null} result completes empty. */
	private <T> Mono<T> call(Supplier<T> work) {
		return Mono.fromSupplier(() -> {
			if (!this.available.get()) {
				throw new CatalogUnavailableException(this.definition.name(),
						new IllegalStateException("in-memory store switched off"));
			}
			return work.get();
		});
	}

	private ConcurrentMap<UUID, Entity> store(EntityType type) {
		return this.entities.computeIfAbsent(type, key -> new ConcurrentHashMap<>());
	}

	private Entity live(Entity entity) {
		return (entity == null || entity.deleted()) ? null : entity;
	}

	private static void checkWritable(EntityType type, UUID id, Entity current, Long expectedVersion) {
		if (current == null || current.deleted()) {
			throw new EntityNotFoundException(type, id);
		}
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new VersionConflictException(type, id, expectedVersion, current.version());
		}
	}
}
