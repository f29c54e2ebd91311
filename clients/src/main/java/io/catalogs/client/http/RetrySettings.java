package io.catalogs.client.http;

import java.time.Duration;

/**
 * Retries of retriable failures (429, 5xx, 408, timeouts, connection resets): exponential backoff
 * with jitter, never sooner than the vendor's {@code Retry-After}. Other 4xx are never retried.
 *
 * @param maxAttempts attempts in all, the first included (default 4)
 * @param initialBackoff wait before the first retry (default 500 ms)
 * @param multiplier growth of the wait per retry (default 2)
 * @param maxBackoff cap of the computed wait (default 20 s)
 * @param jitter randomization factor in [0, 1): the wait is drawn from
 *        {@code backoff * (1 ± jitter)} (default 0.5)
 * @param maxRetryAfter a larger {@code Retry-After} is not waited for: the call fails as retriable
 *        and the caller's own schedule (sync retries) takes over (default 60 s)
 */
public record RetrySettings(Integer maxAttempts, Duration initialBackoff, Double multiplier, Duration maxBackoff,
		Double jitter, Duration maxRetryAfter) {

	public RetrySettings {
		maxAttempts = (maxAttempts != null) ? maxAttempts : 4;
		initialBackoff = (initialBackoff != null) ? initialBackoff : Duration.ofMillis(500);
		multiplier = (multiplier != null) ? multiplier : 2.0;
		maxBackoff = (maxBackoff != null) ? maxBackoff : Duration.ofSeconds(20);
		jitter = (jitter != null) ? jitter : 0.5;
		maxRetryAfter = (maxRetryAfter != null) ? maxRetryAfter : Duration.ofSeconds(60);
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("max-attempts must be at least 1");
		}
		if (initialBackoff.toMillis() < 1) {
			throw new IllegalArgumentException("initial-backoff must be at least 1 ms");
		}
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("jitter must be in [0, 1)");
		}
	}

	/** The defaults listed above. */
	public static RetrySettings defaults() {
		return new RetrySettings(null, null, null, null, null, null);
	}

	/** {@code maxAttempts} attempts starting at {@code initialBackoff}, other values default. */
	public static RetrySettings of(int maxAttempts, Duration initialBackoff) {
		return new RetrySettings(maxAttempts, initialBackoff, null, null, null, null);
	}
}
