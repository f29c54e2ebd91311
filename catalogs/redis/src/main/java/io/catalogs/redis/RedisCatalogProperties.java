package io.catalogs.redis;

import java.time.Duration;

/**
 * The Redis-specific keys of a catalog instance, bound from {@code catalogs.instances.<name>} when
 * its {@code kind} is {@code redis}. A key left out takes its default.
 *
 * @param uri the Redis URI, with the database as path ({@code redis://cache:6379/0},
 * {@code rediss://user:secret@host:6380/2}); default {@code redis://localhost:6379/0}
 * @param keyPrefix the first segment of every key the catalog writes, so that several catalogs or
 * other data can share a database; default {@code catalog}
 * @param timeout how long a connection attempt or command may take before the catalog reports
 * itself unavailable; default 2 seconds
 */
public record RedisCatalogProperties(String uri, String keyPrefix, Duration timeout) {

	public static final String DEFAULT_URI = "redis://localhost:6379/0";

	public static final String DEFAULT_KEY_PREFIX = "catalog";

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	public RedisCatalogProperties {
		uri = (uri == null || uri.isBlank()) ? DEFAULT_URI : uri;
		keyPrefix = (keyPrefix == null || keyPrefix.isBlank()) ? DEFAULT_KEY_PREFIX : keyPrefix;
		timeout = (timeout == null) ? DEFAULT_TIMEOUT : timeout;
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
	}

	/** Every key at its default. */
	public static RedisCatalogProperties defaults() {
		return new RedisCatalogProperties(null, null, null);
	}

	/** The defaults with another URI. */
	public static RedisCatalogProperties of(String uri) {
		return new RedisCatalogProperties(uri, null, null);
	}

	public RedisCatalogProperties withKeyPrefix(String newKeyPrefix) {
		return new RedisCatalogProperties(this.uri, newKeyPrefix, this.timeout);
	}

	public RedisCatalogProperties withTimeout(Duration newTimeout) {
		return new RedisCatalogProperties(this.uri, this.keyPrefix, newTimeout);
	}
}
