package io.catalogs.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;

/**
 * Reads the gateway's control store (its {@code sync_events} and {@code outbox} tables) with plain
 * R2DBC: whether the sync pipeline is there, when a burst of changes has drained, and the
 * propagation lag of every applied event (from the commit at the source, {@code committed_at}, to the
 * apply at the target, the {@code updated_at} of the APPLIED row).
 */
final class ControlStoreReader implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ConnectionPool pool;

	private final String schema;

	private ControlStoreReader(ConnectionPool pool, String schema) {
		this.pool = pool;
		this.schema = schema;
	}

	static ControlStoreReader open(StoreEndpoints stores, String schema) {
		ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(stores.postgresUrl()).mutate();
		if (stores.postgresUsername() != null) {
			options.option(ConnectionFactoryOptions.USER, stores.postgresUsername());
		}
		if (stores.postgresPassword() != null && !stores.postgresPassword().isEmpty()) {
			options.option(ConnectionFactoryOptions.PASSWORD, stores.postgresPassword());
		}
		return new ControlStoreReader(new ConnectionPool(ConnectionPoolConfiguration
			.builder(ConnectionFactories.get(options.build()))
			.name("bench-control-store")
			.maxSize(2)
			.build()), schema);
	}

	/** Whether the control store has its sync_events table (the sync pipeline is built in). */
	boolean hasSyncEvents() {
		Long count = query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1 "
				+ "AND table_name = 'sync_events'", List.of(this.schema), (row) -> row.get("n", Long.class))
			.next()
			.block(TIMEOUT);
		return count != null && count > 0;
	}

	/** The state of every sync event of the entity, by target. */
	Map<String, String> statesOf(UUID entityId) {
		Map<String, String> states = new TreeMap<>();
		query("SELECT target, state FROM " + this.schema + ".sync_events WHERE entity_id = $1", List.of(entityId),
				(row) -> Map.entry(row.get("target", String.class), row.get("state", String.class)))
			.doOnNext((entry) -> states.put(entry.getKey(), entry.getValue()))
			.then()
			.block(TIMEOUT);
		return states;
	}

	/** Sync events not yet settled (PENDING or RETRYING) and outbox rows not yet published. */
	long unsettled() {
		Long events = query("SELECT count(*) AS n FROM " + this.schema + ".sync_events WHERE state IN ('PENDING', 'RETRYING')",
				List.of(), (row) -> row.get("n", Long.class)).next().block(TIMEOUT);
		Long outbox = query("SELECT count(*) AS n FROM " + this.schema + ".outbox WHERE published_at IS NULL", List.of(),
				(row) -> row.get("n", Long.class)).next().onErrorReturn(0L).block(TIMEOUT);
		return ((events != null) ? events : 0) + ((outbox != null) ? outbox : 0);
	}

	/** How many events committed since {@code from} are in each state, by target. */
	Map<String, Map<String, Long>> statesSince(Instant from) {
		Map<String, Map<String, Long>> states = new TreeMap<>();
		query("SELECT target, state, count(*) AS n FROM " + this.schema + ".sync_events WHERE committed_at >= $1 "
				+ "GROUP BY target, state", List.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC)),
				(row) -> List.of(row.get("target", String.class), row.get("state", String.class), row.get("n", Long.class)))
			.doOnNext((row) -> states.computeIfAbsent((String) row.get(0), (target) -> new TreeMap<>())
				.put((String) row.get(1), (Long) row.get(2)))
			.then()
			.block(TIMEOUT);
		return states;
	}

	/** The propagation lag (microseconds) of every event committed since {@code from} and applied, by target. */
	Map<String, Histogram> lagSince(Instant from) {
		Map<String, Histogram> lag = new LinkedHashMap<>();
		query("SELECT target, (EXTRACT(EPOCH FROM (updated_at - committed_at)) * 1000000)::bigint AS lag "
				+ "FROM " + this.schema + ".sync_events WHERE state = 'APPLIED' AND committed_at >= $1",
				List.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC)),
				(row) -> Map.entry(row.get("target", String.class), row.get("lag", Long.class)))
			.doOnNext((entry) -> lag.computeIfAbsent(entry.getKey(), (target) -> new Histogram(3))
				.recordValue(Math.max(0, entry.getValue())))
			.then()
			.block(Duration.ofMinutes(2));
		return lag;
	}

	private <T> Flux<T> query(String sql, List<Object> parameters, Function<Readable, T> mapper) {
		return Flux.usingWhen(this.pool.create(), (Connection connection) -> {
			Statement statement = connection.createStatement(sql);
			for (int i = 0; i < parameters.size(); i++) {
				statement.bind(i, parameters.get(i));
			}
			return Flux.from(statement.execute()).flatMap((result) -> result.map(mapper::apply));
		}, Connection::close);
	}

	@Override
	public void close() {
		this.pool.disposeLater().block(Duration.ofSeconds(10));
	}
}
