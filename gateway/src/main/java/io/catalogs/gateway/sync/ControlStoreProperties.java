package io.catalogs.gateway.sync;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway keeps its own durable state (the outbox and the sync events):
 * {@code catalogs.control-store.*}, a PostgreSQL database. The embedded default points it at the
 * embedded PostgreSQL.
 *
 * @param url the R2DBC URL, such as {@code r2dbc:postgresql://db:5432/catalogs}; required
 * @param username the database user, {@code null} to use the one in the URL (if any)
 * @param password the database password, {@code null} to use the one in the URL (if any)
 * @param schema the schema of the control store's tables, created by its migrations; default {@code gateway}
 * @param poolSize the most connections the control store's own pool opens; default 10
 * @param connectTimeout how long to wait for a new connection; default 5 seconds
 * @param jdbcUrl the JDBC URL the migrations use; {@code null} derives it from {@code url}
 * @param shareTransactions whether a write to a catalog on the same database commits with its
 * outbox row in one transaction (see docs/sync.md); default {@code true}
 */
@ConfigurationProperties("catalogs.control-store")
public record ControlStoreProperties(String url, String username, String password,
		@DefaultValue("gateway") String schema, @DefaultValue("10") int poolSize,
		@DefaultValue("5s") Duration connectTimeout, String jdbcUrl,
		@DefaultValue("true") boolean shareTransactions) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	public ControlStoreProperties {
		schema = (schema != null) ? schema : "gateway";
		if (!IDENTIFIER.matcher(schema).matches()) {
			throw new IllegalArgumentException(
					"catalogs.control-store.schema '" + schema + "' is not a lower-case SQL identifier");
		}
		if (poolSize < 1) {
			throw new IllegalArgumentException("catalogs.control-store.pool-size must be at least 1");
		}
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
	}

	/** Properties for a database at {@code url} with every other key at its default. */
	public static ControlStoreProperties of(String url, String username, String password) {
		return new ControlStoreProperties(url, username, password, null, 10, null, null, true);
	}

	@Override
	public String toString() {
		// keeps the password out of logs
		return "ControlStoreProperties[url=" + this.url + ", username=" + this.username + ", schema=" + this.schema
				+ ", poolSize=" + this.poolSize + "]";
	}
}
