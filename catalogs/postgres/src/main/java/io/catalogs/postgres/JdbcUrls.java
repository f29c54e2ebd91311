package io.catalogs.postgres;

import java.time.Duration;
import java.util.Locale;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;

/**
 * Derives the JDBC URL that Flyway migrates through from the R2DBC options of the same database,
 * for every PostgreSQL store the gateway migrates (catalogs and the gateway's control store).
 */
public final class JdbcUrls {

	private JdbcUrls() {
	}

	/**
	 * {@code r2dbc:postgresql://host:port/db} as {@code jdbc:postgresql://host:port/db}, with the
	 * connect timeout and SSL mode carried over.
	 */
	public static String fromR2dbc(ConnectionFactoryOptions options, Duration connectTimeout) {
		StringBuilder url = new StringBuilder("jdbc:postgresql://")
			.append(options.getRequiredValue(ConnectionFactoryOptions.HOST));
		Object port = options.getValue(ConnectionFactoryOptions.PORT);
		if (port != null) {
			url.append(':').append(port);
		}
		Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
		url.append('/').append((database != null) ? database : "");
		long seconds = Math.max(1, connectTimeout.toSeconds());
		url.append("?connectTimeout=").append(seconds).append("&loginTimeout=").append(seconds);
		Object sslMode = options.getValue(PostgresqlConnectionFactoryProvider.SSL_MODE);
		if (sslMode != null) {
			url.append("&sslmode=").append(sslMode.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		return url.toString();
	}
}
