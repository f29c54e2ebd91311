package io.catalogs.postgres;

import io.catalogs.spi.CatalogUnavailableException;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Creates and updates the catalog's tables with Flyway over JDBC, from the scripts in
 * {@value #LOCATION}. Runs at catalog creation (startup, blocking); if the database is down then,
 * startup goes on, and every use of the catalog first retries the migration (on a
 * bounded-elastic thread, at most once a second) until it succeeds.
 *
 * <p>The history table is {@value #HISTORY_TABLE}, so the gateway's own Flyway history in the same
 * schema stays apart; a schema that already holds other tables is baselined at version 0, so
 * every script of the catalog still runs.
 */
final class PostgresMigrations {

	/** Where the migration scripts are. */
	static final String LOCATION = "classpath:db/catalog-postgres";

	/** The Flyway history table of the catalog's scripts. */
	static final String HISTORY_TABLE = "catalog_postgres_schema_history";

	private static final Log logger = LogFactory.getLog(PostgresMigrations.class);

	private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

	private final String catalog;

	private final Flyway flyway;

	private volatile boolean migrated;

	private RuntimeException lastFailure;

	private long lastFailureNanos;

	private PostgresMigrations(String catalog, Flyway flyway) {
		this.catalog = catalog;
		this.flyway = flyway;
	}

	/** The migrations of {@code catalog} into the schema of {@code properties}; nothing runs yet. */
	static PostgresMigrations of(String catalog, PostgresCatalogProperties properties) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(properties.url());
		String username = (properties.username() != null) ? properties.username()
				: (String) options.getValue(ConnectionFactoryOptions.USER);
		Object password = (properties.password() != null) ? properties.password()
				: options.getValue(ConnectionFactoryOptions.PASSWORD);
		Flyway flyway = Flyway.configure(PostgresMigrations.class.getClassLoader())
			.dataSource(jdbcUrl(properties), username, (password != null) ? password.toString() : null)
			.schemas(properties.schema())
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load();
		return new PostgresMigrations(catalog, flyway);
	}

	/** Migrate now, blocking; if that fails, log it and leave the migration to the first use. */
	void migrateAtStartup() {
		try {
			migrate();
		}
		catch (RuntimeException ex) {
			logger.warn("Catalog '" + this.catalog + "' could not migrate its schema at startup (will retry on "
					+ "first use): " + ex.getCause());
		}
	}

	/** Whether the schema is known to be up to date. */
	boolean migrated() {
		return this.migrated;
	}

	/** Completes once the schema is up to date, with {@link CatalogUnavailableException} if it cannot be. */
	Mono<Void> ready() {
		if (this.migrated) {
			return Mono.empty();
		}
		return Mono.<Void>fromRunnable(this::migrate).subscribeOn(Schedulers.boundedElastic());
	}

	private synchronized void migrate() {
		if (this.migrated) {
			return;
		}
		if (this.lastFailure != null && System.nanoTime() - this.lastFailureNanos < RETRY_INTERVAL.toNanos()) {
			throw new CatalogUnavailableException(this.catalog, this.lastFailure);
		}
		try {
			this.flyway.migrate();
			this.migrated = true;
			this.lastFailure = null;
		}
		catch (RuntimeException ex) {
			this.lastFailure = ex;
			this.lastFailureNanos = System.nanoTime();
			throw new CatalogUnavailableException(this.catalog, ex);
		}
	}

	/**
	 * The JDBC URL of the database the R2DBC URL names ({@code r2dbc:postgresql://host:port/db} becomes
	 * {@code jdbc:postgresql://host:port/db}, with the connect timeout and SSL mode carried over),
	 * unless one is configured.
	 */
	static String jdbcUrl(PostgresCatalogProperties properties) {
		if (properties.jdbcUrl() != null) {
			return properties.jdbcUrl();
		}
		return JdbcUrls.fromR2dbc(ConnectionFactoryOptions.parse(properties.url()), properties.connectTimeout());
	}
}
