package io.catalogs.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL-specific keys of {@code catalogs.instances.<name>} for {@code kind: postgres}; the
 * common keys (kind, role, entity types) are bound by the gateway. Absent optional keys take the
 * documented defaults, also when the record is constructed directly.
 *
 * @param url the R2DBC URL, such as {@code r2dbc:postgresql://db:5432/catalogs}
 * @param username the database user, {@code null} to use the one in the URL (if any)
 * @param password the database password, {@code null} to use the one in the URL (if any)
 * @param schema the schema holding the tables, created by the migrations if missing; default {@code public}
 * @param connectTimeout how long to wait for a new connection; default 5 seconds
 * @param statementTimeout the server-side {@code statement_timeout} of every statement; default 10 seconds
 * @param pool the connection pool
 * @param jdbcUrl the JDBC URL the migrations use; {@code null} derives it from {@code url}
 */
public record PostgresCatalogProperties(String url, String username, String password, String schema,
		Duration connectTimeout, Duration statementTimeout, @DefaultValue Pool pool, String jdbcUrl) {

	/** The schema used when none is configured. */
	public static final String DEFAULT_SCHEMA = "public";

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	public PostgresCatalogProperties {
		Objects.requireNonNull(url, "url: give the R2DBC URL, such as r2dbc:postgresql://db:5432/catalogs");
		schema = (schema != null) ? schema : DEFAULT_SCHEMA;
		if (!IDENTIFIER.matcher(schema).matches()) {
			throw new IllegalArgumentException("schema '" + schema + "' is not a lower-case SQL identifier");
		}
		connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(5));
		statementTimeout = positive("statement-timeout", statementTimeout, Duration.ofSeconds(10));
		pool = (pool != null) ? pool : Pool.defaults();
	}

	/** Properties for a database at {@code url} with every other key at its default. */
	public static PostgresCatalogProperties of(String url, String username, String password) {
		return new PostgresCatalogProperties(url, username, password, null, null, null, null, null);
	}

	/** These properties with another schema. */
	public PostgresCatalogProperties withSchema(String otherSchema) {
		return new PostgresCatalogProperties(this.url, this.username, this.password, otherSchema, this.connectTimeout,
				this.statementTimeout, this.pool, this.jdbcUrl);
	}

	@Override
	public String toString() {
		// keeps the password out of logs
		return "PostgresCatalogProperties[url=" + this.url + ", username=" + this.username + ", schema=" + this.schema
				+ ", connectTimeout=" + this.connectTimeout + ", statementTimeout=" + this.statementTimeout
				+ ", pool=" + this.pool + "]";
	}

	private static Duration positive(String key, Duration value, Duration fallback) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(key + " must be positive, not " + value);
		}
		return value;
	}

	/**
	 * The R2DBC connection pool of one catalog.
	 *
	 * @param maxSize the most connections open at once; default 10
	 * @param maxIdleTime how long an unused connection stays open; default 30 minutes
	 * @param maxAcquireTime how long a statement waits for a free connection before the catalog
	 * reports itself unavailable; default 10 seconds
	 */
	public record Pool(@DefaultValue("10") int maxSize, Duration maxIdleTime, Duration maxAcquireTime) {

		public Pool {
			if (maxSize < 1) {
				throw new IllegalArgumentException("pool.max-size must be at least 1, not " + maxSize);
			}
			maxIdleTime = positive("pool.max-idle-time", maxIdleTime, Duration.ofMinutes(30));
			maxAcquireTime = positive("pool.max-acquire-time", maxAcquireTime, Duration.ofSeconds(10));
		}

		/** Every pool key at its default. */
		public static Pool defaults() {
			return new Pool(10, null, null);
		}
	}
}
