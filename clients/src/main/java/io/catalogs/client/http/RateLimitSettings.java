package io.catalogs.client.http;

import java.time.Duration;

/**
 * How many calls one client may start per period (a Resilience4j rate limiter). A call over the
 * limit waits for the next period, up to {@code maxWait}, and then fails as retriable. Each vendor
 * settings record supplies its vendor's documented limit as the default.
 *
 * @param limitForPeriod calls allowed per period, at least 1
 * @param period length of a period
 * @param maxWait how long a call may wait for a permit (default 30 s)
 */
public record RateLimitSettings(int limitForPeriod, Duration period, Duration maxWait) {

	public RateLimitSettings {
		if (limitForPeriod < 1) {
			throw new IllegalArgumentException("limit-for-period must be at least 1");
		}
		if (period == null || period.isZero() || period.isNegative()) {
			throw new IllegalArgumentException("period must be positive");
		}
		maxWait = (maxWait != null) ? maxWait : Duration.ofSeconds(30);
	}

	/** {@code limit} calls per {@code period}, waiting up to 30 s for a permit. */
	public static RateLimitSettings of(int limit, Duration period) {
		return new RateLimitSettings(limit, period, null);
	}
}
