package io.catalogs.gateway.sync;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	@Test
	void retriesUntilTheLastAttempt() {
		RetryPolicy policy = new RetryPolicy(retry(3, 0.0));
		assertThat(policy.retries(1)).isTrue();
		assertThat(policy.retries(2)).isTrue();
		assertThat(policy.retries(3)).isFalse();
	}

	@Test
	void growsExponentiallyUpToTheMaximumWithoutJitter() {
		RetryPolicy policy = new RetryPolicy(retry(10, 0.0));
		assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMillis(400));
		assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMillis(1000));
		assertThat(policy.delayAfter(40)).isEqualTo(Duration.ofMillis(1000));
	}

	@RepeatedTest(20)
	void jitterStaysWithinItsFraction() {
		RetryPolicy policy = new RetryPolicy(retry(10, 0.5));
		assertThat(policy.delayAfter(3).toMillis()).isBetween(200L, 600L);
	}

	private static SyncProperties.Retry retry(int maxAttempts, double jitter) {
		return new SyncProperties.Retry(maxAttempts, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), jitter,
				Duration.ofSeconds(1), 10);
	}
}
