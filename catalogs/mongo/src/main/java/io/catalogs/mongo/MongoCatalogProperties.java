package io.catalogs.mongo;

import java.time.Duration;

import com.mongodb.ConnectionString;

/**
 * The MongoDB-specific keys of {@code catalogs.instances.<name>} for {@code kind: mongo}; the common
 * keys ({@code kind}, {@code role}, {@code entity-types}, ...) are bound by the gateway. A key left
 * out takes its default, also when the record is constructed directly. An option that the URI also
 * sets ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS}) wins
 * over the key here.
 *
 * @param uri the connection string with the database as path ({@code mongodb://mongo:27017/catalogs},
 * {@code mongodb://app:secret@a:27017,b:27017/shop?replicaSet=rs0}); default
 * {@code mongodb://localhost:27017/catalogs}; without a database, {@code catalogs} is used
 * @param serverSelectionTimeout how long an operation waits for a usable server before the catalog
 * reports itself unavailable; short, so that a down store fails fast; default 2 seconds
 * @param connectTimeout how long opening a connection may take; default 2 seconds
 * @param readTimeout how long a socket read may wait for the server's answer before the operation
 * fails as unavailable, zero for no limit; default 10 seconds
 */
public record MongoCatalogProperties(String uri, Duration serverSelectionTimeout, Duration connectTimeout,
		Duration readTimeout) {

	/** The database used when the URI names none. */
	public static final String DEFAULT_DATABASE = "catalogs";

	public static final String DEFAULT_URI = "mongodb://localhost:27017/" + DEFAULT_DATABASE;

	public MongoCatalogProperties {
		uri = (uri != null && !uri.isBlank()) ? uri : DEFAULT_URI;
		serverSelectionTimeout = positive("server-selection-timeout", serverSelectionTimeout, Duration.ofSeconds(2));
		connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(2));
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(10);
		if (readTimeout.isNegative()) {
			throw new IllegalArgumentException("read-timeout must not be negative, not " + readTimeout);
		}
	}

	/** Every key at its default. */
	public static MongoCatalogProperties defaults() {
		return new MongoCatalogProperties(null, null, null, null);
	}

	/** The properties for {@code uri} with every other key at its default. */
	public static MongoCatalogProperties of(String uri) {
		return new MongoCatalogProperties(uri, null, null, null);
	}

	/**
	 * The parsed URI.
	 * @throws IllegalArgumentException if it is not a MongoDB connection string
	 */
	public ConnectionString connectionString() {
		return new ConnectionString(this.uri);
	}

	/** The database named in the URI, or {@value #DEFAULT_DATABASE}. */
	public String database() {
		String database = connectionString().getDatabase();
		return (database != null && !database.isBlank()) ? database : DEFAULT_DATABASE;
	}

	@Override
	public String toString() {
		// the URI may hold a password
		return "MongoCatalogProperties[hosts=" + connectionString().getHosts() + ", database=" + database()
				+ ", serverSelectionTimeout=" + this.serverSelectionTimeout + ", connectTimeout=" + this.connectTimeout
				+ ", readTimeout=" + this.readTimeout + "]";
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
}
