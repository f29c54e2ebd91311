package io.catalogs.gateway.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a change that failed with a retriable error is tried again: exponential backoff with
 * jitter, from {@code catalogs.sync.retry.*}.
 */
record RetryPolicy(SyncProperties.Retry settings) {

	/** Whether a change that failed on attempt {@code attempts} (1 = the first) gets another. */
	boolean retries(int attempts) {
		return attempts < this.settings.maxAttempts();
	}

	/**
	 * The wait after attempt {@code attempts} failed: {@code initial × multiplier^(attempts-1)}, at
	 * most {@code max-interval}, made up to {@code jitter} shorter or longer at random.
	 */
	Duration delayAfter(int attempts) {
		double base = this.settings.initialInterval().toMillis()
				* Math.pow(this.settings.multiplier(), Math.max(0, attempts - 1));
		double capped = Math.min(base, this.settings.maxInterval().toMillis());
		double jitter = this.settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
		return Duration.ofMillis(Math.max(0, Math.round(capped * (1 + jitter))));
	}
}
