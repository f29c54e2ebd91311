package io.catalogs.gateway.sync;

import io.catalogs.schema.SyncState;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The sync pipeline's meters, tagged {@code catalog=<target>}:
 * <ul>
 * <li>{@code catalog.sync.applied} (counter, tag {@code outcome=applied|stale}): changes applied to
 * a catalog, or found already there</li>
 * <li>{@code catalog.sync.retried} (counter): failed attempts that will be retried</li>
 * <li>{@code catalog.sync.dead_lettered} (counter): changes whose retries are exhausted</li>
 * <li>{@code catalog.sync.failed} (counter): changes refused with a permanent error</li>
 * <li>{@code catalog.sync.lag} (timer): from the commit at the source to the apply at the target</li>
 * </ul>
 */
final class SyncMetrics {

	private final MeterRegistry meters;

	SyncMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** Count the state a target reached, and the lag when it was applied. */
	void recorded(String target, SyncState state, Instant committedAt, Instant now) {
		switch (state) {
			case APPLIED -> {
				counter("catalog.sync.applied", target, "outcome", "applied").increment();
				Timer.builder("catalog.sync.lag")
					.description("Time from the commit of a change at its source to its apply at a target")
					.tag("catalog", target)
					.publishPercentileHistogram()
					.register(this.meters)
					.record(Duration.between(committedAt, now).isNegative() ? Duration.ZERO
							: Duration.between(committedAt, now));
			}
			case SKIPPED_STALE -> counter("catalog.sync.applied", target, "outcome", "stale").increment();
			case RETRYING -> counter("catalog.sync.retried", target).increment();
			case DEAD_LETTERED -> counter("catalog.sync.dead_lettered", target).increment();
			case FAILED, CONFLICT -> counter("catalog.sync.failed", target).increment();
			default -> {
			}
		}
	}

	private Counter counter(String name, String target, String... tags) {
		return Counter.builder(name).tag("catalog", target).tags(tags).register(this.meters);
	}
}
