package io.catalogs.gateway.sync;

import io.catalogs.spi.Catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The gateway's own PostgreSQL database (the {@code outbox} and {@code sync_events} tables in
 * {@link #schema()}): its pooled connections for the sync pipeline's background work, and, for each
 * catalog on the same database, a way to run statements in that catalog's transactions so that a
 * write and its outbox row commit together.
 *
 * <p>Statements name tables with {@link #table(String)} (schema-qualified), so they run the same
 * on the control store's connections and on a catalog's, whatever their search path.
 */
public final class ControlStore implements DisposableBean {

	private final String schema;

	private final ConnectionPool pool;

	private final ConnectionFactory listenerConnections;

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	private final Map<String, Transactions> shared;

	ControlStore(String schema, ConnectionPool pool, ConnectionFactory listenerConnections,
			Map<String, Transactions> shared) {
		this.schema = schema;
		this.pool = pool;
		this.listenerConnections = listenerConnections;
		this.client = DatabaseClient.create(pool);
		this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(pool));
		this.shared = Map.copyOf(shared);
	}

	/** The schema of the control store's tables. */
	public String schema() {
		return this.schema;
	}

	/** {@code name} qualified with the control store's schema. */
	public String table(String name) {
		return this.schema + "." + name;
	}

	/** Statements on the control store's own pool (they join {@link #transactions()} when inside one). */
	public DatabaseClient client() {
		return this.client;
	}

	/** Transactions on the control store's own pool. */
	public TransactionalOperator transactions() {
		return this.transactions;
	}

	/**
	 * How to commit a change to {@code catalog} together with its outbox row: present when the
	 * catalog's writes join reactive transactions on a connection factory of the control store's
	 * database (see docs/sync.md), empty otherwise.
	 */
	public Optional<Transactions> sharedWith(Catalog catalog) {
		return Optional.ofNullable(this.shared.get(catalog.definition().name()));
	}

	/** The names of the catalogs whose writes commit in one transaction with their outbox rows. */
	public Set<String> sharingCatalogs() {
		return this.shared.keySet();
	}

	/** A new connection of its own (not pooled), for {@code LISTEN}; the caller closes it. */
	Mono<PostgresqlConnection> listenerConnection() {
		return Mono.from(this.listenerConnections.create()).cast(PostgresqlConnection.class);
	}

	@Override
	public void destroy() {
		this.pool.disposeLater().block(Duration.ofSeconds(10));
	}

	/**
	 * Statements and transactions on a catalog's connection factory.
	 *
	 * @param client statements that join the transaction in progress
	 * @param transactions transactions the catalog's writes join
	 */
	public record Transactions(DatabaseClient client, TransactionalOperator transactions) {

		/** Statements and transactions on {@code connections}. */
		public static Transactions on(ConnectionFactory connections) {
			return new Transactions(DatabaseClient.create(connections),
					TransactionalOperator.create(new R2dbcTransactionManager(connections)));
		}
	}
}
