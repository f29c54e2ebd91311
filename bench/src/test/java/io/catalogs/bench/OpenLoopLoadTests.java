package io.catalogs.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopLoadTests {

	@Test
	void sendsAtTheTargetRateAndMeasuresOnlyTheWindow() {
		AtomicLong sent = new AtomicLong();
		LoadResult result = OpenLoopLoad.run("test", (i) -> {
			sent.incrementAndGet();
			return Mono.just(true).delayElement(Duration.ofMillis(5));
		}, 200, 50, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), null);
		assertThat(sent.get()).isBetween(290L, 300L);
		assertThat(result.ok()).isBetween(190L, 200L);
		assertThat(result.errors()).isZero();
		assertThat(result.unsent()).isZero();
		assertThat(result.latencyMicros().getValueAtPercentile(50)).isGreaterThanOrEqualTo(5_000);
	}

	@Test
	void countsWhatASaturatedServerLeftUnsentAndItsLatencyFromTheDueTime() {
		LoadResult result = OpenLoopLoad.run("test", (i) -> Mono.just(true).delayElement(Duration.ofMillis(100)), 100,
				2, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5), null);
		// two slots of 100 ms each serve about 20 of the 100 requests due in the second
		assertThat(result.ok()).isBetween(15L, 25L);
		assertThat(result.unsent()).isGreaterThan(70);
		assertThat(result.latencyMicros().getMaxValue()).isGreaterThan(result.serviceMicros().getMaxValue());
	}

	@Test
	void countsFailuresApart() {
		LoadResult result = OpenLoopLoad.run("test",
				(i) -> (i % 2 == 0) ? Mono.just(true) : Mono.error(new IllegalStateException("boom " + i)), 100, 10,
				Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(5), null);
		assertThat(result.ok()).isBetween(24L, 26L);
		assertThat(result.errors()).isBetween(24L, 26L);
		assertThat(result.errorSamples()).isNotEmpty().allMatch((sample) -> sample.contains("boom"));
	}
}
