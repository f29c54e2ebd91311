package io.catalogs.api;

import java.time.Duration;

/**
 * The read cache of an API catalog ({@code catalogs.instances.<name>.read-cache.*}): entities read
 * by id are kept for a while, since every vendor call costs time and rate-limit budget. Writes and
 * sync applies through the catalog invalidate their entity; changes made at the vendor directly
 * are seen after at most {@code ttl}. On unless disabled.
 *
 * @param enabled whether reads by id are cached (default {@code true})
 * @param maxSize how many entities at most (default 10,000)
 * @param ttl how long an entry lives after it was read (default 30 s)
 */
public record ReadCacheProperties(Boolean enabled, Long maxSize, Duration ttl) {

	public ReadCacheProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		maxSize = (maxSize != null) ? maxSize : 10_000L;
		ttl = (ttl != null) ? ttl : Duration.ofSeconds(30);
		if (maxSize < 1 || ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("read-cache max-size and ttl must be positive");
		}
	}

	/** The defaults above. */
	public static ReadCacheProperties defaults() {
		return new ReadCacheProperties(null, null, null);
	}

	/** No cache. */
	public static ReadCacheProperties disabled() {
		return new ReadCacheProperties(false, null, null);
	}
}
