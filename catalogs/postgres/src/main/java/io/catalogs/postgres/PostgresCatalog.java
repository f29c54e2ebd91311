package io.catalogs.postgres;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Capability;
import io.catalogs.spi.CapabilityCheck;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.DuplicateEntityException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.VersionConflictException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A catalog in PostgreSQL tables, one per entity type (see {@link PostgresTables}), through R2DBC.
 * Every operation is one statement, generic over the entity type: writes carry their checks in the
 * {@code WHERE} clause, listings are keyset windows, grouped listings and {@link #getMany} are
 * single statements. Statements run on a pooled connection, or on the connection of the reactive
 * transaction in progress for {@link #connectionFactory()} (see {@link Capability#TRANSACTIONS}).
 */
public class PostgresCatalog implements Catalog {

	private final CatalogDefinition definition;

	private final Map<EntityType, TableMapping> tables;

	private final Set<Capability> capabilities;

	private final ConnectionPool pool;

	private final DatabaseClient client;

	private final PostgresMigrations migrations;

	private final PostgresExceptionTranslator errors;

	private final Duration timeout;

	PostgresCatalog(CatalogDefinition definition, Map<EntityType, TableMapping> tables, ConnectionPool pool,
			PostgresMigrations migrations, Duration timeout) {
		this.definition = definition;
		this.tables = tables;
		// the generic SQL serves every filter and order of the contract, backward windows and transactions
		this.capabilities = Capability.everyFor(tables.keySet());
		this.pool = pool;
		this.client = DatabaseClient.create(pool);
		this.migrations = migrations;
		this.errors = new PostgresExceptionTranslator(definition.name());
		this.timeout = timeout;
	}

 

	/**
	 * The pooled connections of this catalog. Writes join a reactive transaction that Spring's
	 * {@code R2dbcTransactionManager} over this factory has in progress (with a
	 * {@code TransactionalOperator} or {@code @Transactional}), so that they commit or roll back
	 * with other statements of it, such as an outbox row.
	 */
	public ConnectionFactory connectionFactory() {
		return this.pool;
	}

	/** Unwraps to the {@link #connectionFactory()} for {@code ConnectionFactory.class}. */
	@Override
	public <R> Optional<R> unwrap(Class<R> type) {
		return type.isInstance(this.pool) ? Optional.of(type.cast(this.pool)) : Optional.empty();
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
		return call(() -> {
			TableMapping table = table(type);
			return query(EntityStatements.get(table, id), table::toEntity).next();
		});
	}

	@Override
	public Flux<Entity> getMany(EntityType type, Collection<UUID> ids) {
		return Flux.defer(() -> {
			TableMapping table = table(type);
			return ids.isEmpty() ? Flux.<Entity>empty() : query(EntityStatements.getMany(table, ids), table::toEntity);
		}).onErrorMap(this.errors::translate);
	}

	@Override
	public Mono<Page> list(EntityType type, PageRequest request) {
		return call(() -> {
			TableMapping table = table(type);
			CapabilityCheck.verify(this, type, request);
			return query(ListingStatements.page(table, request), table::toEntity).collectList()
				.map(read -> Page.fromProbe(read, request));
		});
	}

	@Override
	public Mono<Map<Object, Page>> listGrouped(EntityType type, String groupField, Collection<?> groupValues,
			PageRequest request) {
		return call(() -> {
			TableMapping table = table(type);
			CapabilityCheck.verifyGrouped(this, type, groupField, request);
			FieldDef group = type.field(groupField);
			Map<Object, List<Entity>> byGroup = new LinkedHashMap<>();
			for (Object value : groupValues) {
				byGroup.put(value, new ArrayList<>());
			}
			if (byGroup.isEmpty()) {
				return Mono.just(Map.<Object, Page>of());
			}
			// keys compared in the driver's form, so that a value given as text still finds its rows
			Map<Object, List<Entity>> byStoredValue = new LinkedHashMap<>();
			byGroup.forEach((value, read) -> {
				if (value != null) {
					byStoredValue.putIfAbsent(table.toDatabase(group, value), read);
				}
			});
			return query(ListingStatements.grouped(table, groupField, groupValues, request), table::toEntity)
				.doOnNext(entity -> byStoredValue
					.getOrDefault(table.toDatabase(group, entity.value(groupField)), new ArrayList<>())
					.add(entity))
				.then(Mono.fromSupplier(() -> {
					Map<Object, Page> pages = new LinkedHashMap<>();
					byGroup.forEach((value, read) -> pages.put(value, Page.fromProbe(read, request)));
					return pages;
				}));
		});
	}

	@Override
	public Mono<Entity> create(Entity entity) {
		return call(() -> {
			TableMapping table = table(entity.type());
			return query(EntityStatements.insert(table, entity), table::toEntity).next();
		}).onErrorMap(PostgresExceptionTranslator::isUniqueViolation,
				ex -> new DuplicateEntityException(entity.type(), entity.id()));
	}

	@Override
	public Mono<Entity> update(EntityType type, UUID id, Map<String, Object> changes, Long expectedVersion,
			Instant now) {
		return call(() -> {
			TableMapping table = table(type);
			return query(EntityStatements.update(table, id, changes, expectedVersion, now), table::toEntity).next()
				.switchIfEmpty(writeRefused(table, id, expectedVersion));
		});
	}

	@Override
	public Mono<Entity> delete(EntityType type, UUID id, Long expectedVersion, Instant now) {
		return call(() -> {
			TableMapping table = table(type);
			return query(EntityStatements.delete(table, id, expectedVersion, now), table::toEntity).next()
				.switchIfEmpty(writeRefused(table, id, expectedVersion));
		});
	}

	@Override
	public Mono<ApplyResult> applyIfNewer(Entity incoming) {
		return call(() -> {
			BoundSql upsert = EntityStatements.upsertIfNewer(table(incoming.type()), incoming);
			return run(this.client.sql(upsert.sql()).bindValues(upsert.parameters()).fetch().rowsUpdated())
				.map(written -> (written > 0) ? ApplyResult.APPLIED : ApplyResult.STALE);
		});
	}

	@Override
	public Mono<Void> ping() {
		return call(() -> run(this.client.sql("SELECT 1").then()));
	}

	@Override
	public Mono<Void> close() {
		return this.pool.disposeLater();
	}

	/**
	 * Why a guarded write changed no row, read after the fact: no live row, or another version
	 * (the write's own check was atomic; this read only names the reason).
	 */
	private Mono<Entity> writeRefused(TableMapping table, UUID id, Long expectedVersion) {
		EntityType type = table.type();
		return query(EntityStatements.state(table, id), row -> row.get("deleted", Boolean.class)
				? -1L : row.get("version", Long.class))
			.next()
			.flatMap(version -> (version < 0 || expectedVersion == null)
					? Mono.<Entity>error(new EntityNotFoundException(type, id))
					: Mono.<Entity>error(new VersionConflictException(type, id, expectedVersion, version)))
			.switchIfEmpty(Mono.error(() -> new EntityNotFoundException(type, id)));
	}

	private <T> Flux<T> query(BoundSql statement, Function<Readable, T> mapper) {
		return run(this.client.sql(statement.sql()).bindValues(statement.parameters()).map(mapper).all());
	}

	/** Runs a statement once the schema is migrated, within the timeout. */
	private <T> Flux<T> run(Flux<T> statement) {
		return this.migrations.ready().thenMany(statement).timeout(this.timeout);
	}

	private <T> Mono<T> run(Mono<T> statement) {
		return this.migrations.ready().then(statement).timeout(this.timeout);
	}

	/** Builds and runs the work on subscription, signalling every failure as the SPI's exceptions. */
	private <T> Mono<T> call(Supplier<Mono<T>> work) {
		return Mono.defer(work).onErrorMap(this.errors::translate);
	}

	private TableMapping table(EntityType type) {
		TableMapping table = this.tables.get(type);
		if (table == null) {
			throw new IllegalArgumentException("catalog '" + this.definition.name() + "' holds no " + type
					+ " entities");
		}
		return table;
	}
}
