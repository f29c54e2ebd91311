package io.catalogs.client.http;

import java.time.Duration;

/** Transport settings for tests: small timeouts and backoffs, so fault tests finish quickly. */
public final class TestSettings {

	public static final Duration TIMEOUT = Duration.ofMillis(400);

	public static final Duration SLOW = Duration.ofMillis(900);

	/** Client timeout of the 1,000-entity runs (the fake servers validate every request, which costs CPU). */
	public static final Duration THOUSAND_TIMEOUT = Duration.ofMillis(1500);

	public static final int THOUSAND_CONCURRENCY = 12;

	private TestSettings() {
	}

	public static RetrySettings retry() {
		return new RetrySettings(6, Duration.ofMillis(10), 2.0, Duration.ofMillis(200), 0.5, Duration.ofSeconds(10));
	}

	public static RateLimitSettings rateLimit() {
		return RateLimitSettings.of(10_000, Duration.ofSeconds(1));
	}

	/** A breaker that opens only after many failures (fault tests expect retries, not an open circuit). */
	public static CircuitBreakerSettings tolerantBreaker() {
		return new CircuitBreakerSettings(90f, 200, 100, Duration.ofSeconds(5), 3);
	}

	/** A breaker that never opens: for runs that must get through every fault by retrying. */
	public static CircuitBreakerSettings neverOpens() {
		return new CircuitBreakerSettings(100f, 1000, 1000, Duration.ofSeconds(1), 3);
	}

	/** Enough attempts that 15 % faults never exhaust them (0.15^12). */
	public static RetrySettings thousandRetry() {
		return new RetrySettings(12, Duration.ofMillis(10), 2.0, Duration.ofMillis(200), 0.5, Duration.ofSeconds(10));
	}

	/**
	 * The faults of the 1,000-entity runs: 15 % of requests fail with 500, 503, a reset before or
	 * after the server committed, a response slower than the client timeout (committed), or 429
	 * with {@code Retry-After: 2}. Seeded, so each run injects the same sequence.
	 */
	public static io.catalogs.client.fake.FaultPlan thousandFaults() {
		return io.catalogs.client.fake.FaultPlan.random(42, 0.15, io.catalogs.client.fake.Fault.status(500),
				io.catalogs.client.fake.Fault.status(503), io.catalogs.client.fake.Fault.reset(),
				io.catalogs.client.fake.Fault.resetAfterCommit(),
				io.catalogs.client.fake.Fault.slow(THOUSAND_TIMEOUT.plusMillis(500)),
				io.catalogs.client.fake.Fault.tooManyRequests(2));
	}

	/** A breaker that opens after 5 failed calls out of 5. */
	public static CircuitBreakerSettings sensitiveBreaker() {
		return new CircuitBreakerSettings(50f, 10, 5, Duration.ofSeconds(30), 1);
	}
}
