package io.catalogs.gateway.sync;

import io.catalogs.postgres.JdbcUrls;

import io.catalogs.gateway.catalog.CatalogConfigurationException;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Opens the {@link ControlStore} at startup (blocking): migrates its schema with Flyway over JDBC
 * (scripts in {@value #LOCATION}, history table {@value #HISTORY_TABLE}), opens its pool, and finds
 * the catalogs on the same database whose transactions it can share. Fails startup with a message
 * naming the key when the control store is not configured or cannot be migrated.
 */
final class ControlStoreConnector {

	static final String LOCATION = "classpath:db/control-store";

	static final String HISTORY_TABLE = "control_store_schema_history";

	private static final Logger logger = LoggerFactory.getLogger(ControlStoreConnector.class);

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

	private static final String IDENTITY = "SELECT current_database() || '/' || "
			+ "(SELECT system_identifier FROM pg_control_system())::text";

	// pg_control_system() may be refused to users without pg_monitor
	private static final String FALLBACK_IDENTITY = "SELECT current_database() || '/' || "
			+ "coalesce(host(inet_server_addr()), 'local') || ':' || inet_server_port()::text";

	private ControlStoreConnector() {
	}

	/** The control store of {@code properties}, sharing transactions with the catalogs of {@code registry} it can. */
	static ControlStore open(ControlStoreProperties properties, CatalogRegistry registry) {
		if (properties.url() == null || properties.url().isBlank()) {
			throw new CatalogConfigurationException("catalogs.control-store.url is missing: give the R2DBC URL of "
					+ "the PostgreSQL database that holds the sync outbox, such as r2dbc:postgresql://db:5432/gateway");
		}
		ConnectionFactoryOptions options = options(properties);
		migrate(properties, options);
		ConnectionFactory connections = ConnectionFactories.get(options);
		ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
			.name("control-store")
			.initialSize(0)
			.maxSize(properties.poolSize())
			.maxIdleTime(Duration.ofMinutes(10))
			.maxAcquireTime(Duration.ofSeconds(10))
			.maxCreateConnectionTime(properties.connectTimeout())
			.build());
		Map<String, ControlStore.Transactions> shared = properties.shareTransactions() ? shared(pool, registry)
				: Map.of();
		logger.info("Control store in schema '{}'; writes commit with their outbox rows in one transaction for: {}",
				properties.schema(), shared.isEmpty() ? "no catalog" : shared.keySet());
		return new ControlStore(properties.schema(), pool, connections, shared);
	}

	private static Map<String, ControlStore.Transactions> shared(ConnectionFactory controlStore,
			CatalogRegistry registry) {
		Map<String, ControlStore.Transactions> shared = new LinkedHashMap<>();
		String own = identity(controlStore).orElse(null);
		if (own == null) {
			return shared;
		}
		for (Catalog catalog : registry.all()) {
			Optional<ConnectionFactory> connections = catalog.unwrap(ConnectionFactory.class);
			if (connections.isPresent() && identity(connections.get()).filter(own::equals).isPresent()) {
				shared.put(catalog.definition().name(), ControlStore.Transactions.on(connections.get()));
			}
		}
		return shared;
	}

	/** Which database {@code connections} reach: name and cluster identifier; empty if they cannot say. */
	static Optional<String> identity(ConnectionFactory connections) {
		DatabaseClient client = DatabaseClient.create(connections);
		try {
			return Optional.ofNullable(client.sql(IDENTITY)
				.map((row) -> row.get(0, String.class))
				.one()
				.onErrorResume((ex) -> client.sql(FALLBACK_IDENTITY).map((row) -> row.get(0, String.class)).one())
				.block(PROBE_TIMEOUT));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not tell which database a connection factory reaches: {}", ex.toString());
			return Optional.empty();
		}
	}

	private static void migrate(ControlStoreProperties properties, ConnectionFactoryOptions options) {
		Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
		Flyway flyway = Flyway.configure(ControlStoreConnector.class.getClassLoader())
			.dataSource(jdbcUrl(properties, options), (String) options.getValue(ConnectionFactoryOptions.USER),
					(password != null) ? password.toString() : null)
			.schemas(properties.schema())
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			.load();
		try {
			flyway.migrate();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The control store (catalogs.control-store.url " + properties.url()
					+ ", schema " + properties.schema() + ") could not be migrated", ex);
		}
	}

	static ConnectionFactoryOptions options(ControlStoreProperties properties) {
		ConnectionFactoryOptions url = ConnectionFactoryOptions.parse(properties.url());
		Object driver = url.getValue(ConnectionFactoryOptions.DRIVER);
		if (!"postgresql".equals(driver) && !"postgres".equals(driver)) {
			throw new CatalogConfigurationException(
					"catalogs.control-store.url must start with r2dbc:postgresql:// (no r2dbc:pool:)");
		}
		ConnectionFactoryOptions.Builder options = url.mutate()
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, properties.connectTimeout())
			.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, "catalog-gateway:control-store");
		if (properties.username() != null) {
			options.option(ConnectionFactoryOptions.USER, properties.username());
		}
		if (properties.password() != null) {
			options.option(ConnectionFactoryOptions.PASSWORD, properties.password());
		}
		return options.build();
	}

	/** The configured JDBC URL, or the one of the database the R2DBC URL names. */
	static String jdbcUrl(ControlStoreProperties properties, ConnectionFactoryOptions options) {
		if (properties.jdbcUrl() != null) {
			return properties.jdbcUrl();
		}
		return JdbcUrls.fromR2dbc(options, properties.connectTimeout());
	}
}
