package io.catalogs.client.http;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.RetryConfig;

/** Turns the settings records into Resilience4j configurations. */
final class Resilience {

	private Resilience() {
	}

	static RateLimiterConfig rateLimiterConfig(RateLimitSettings settings) {
		return RateLimiterConfig.custom()
			.limitForPeriod(settings.limitForPeriod())
			.limitRefreshPeriod(settings.period())
			.timeoutDuration(settings.maxWait())
			.build();
	}

	static CircuitBreakerConfig circuitBreakerConfig(CircuitBreakerSettings settings) {
		return CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumCalls())
			.waitDurationInOpenState(settings.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpen())
			.recordException((ex) -> ex instanceof RetriableClientException)
			// a 4xx says nothing about the vendor's health: neither a failure nor a success
			.ignoreExceptions(PermanentClientException.class)
			.build();
	}

	static RetryConfig retryConfig(RetrySettings settings) {
		IntervalFunction backoff = (settings.jitter() > 0)
				? IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), settings.multiplier(),
						settings.jitter(), settings.maxBackoff())
				: IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), settings.multiplier(),
						settings.maxBackoff());
		IntervalBiFunction<Object> interval = (attempt, outcome) -> {
			long wait = backoff.apply(attempt);
			if (outcome.isLeft() && outcome.getLeft() instanceof RetriableClientException retriable) {
				long asked = retriable.retryAfter().map((after) -> after.toMillis()).orElse(0L);
				return Math.max(wait, asked);
			}
			return wait;
		};
		return RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.intervalBiFunction(interval)
			.retryOnException((ex) -> ex instanceof RetriableClientException retriable
					&& !(ex instanceof CircuitOpenClientException)
					&& retriable.retryAfter().map((after) -> after.compareTo(settings.maxRetryAfter()) <= 0).orElse(true))
			.build();
	}
}
