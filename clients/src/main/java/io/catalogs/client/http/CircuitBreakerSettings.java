package io.catalogs.client.http;

import java.time.Duration;

/**
 * The circuit breaker of one client (one catalog): once {@code failureRateThreshold} percent of the
 * last {@code slidingWindowSize} calls failed retriably (5xx, timeouts, resets, 429 after retries),
 * calls fail at once with {@link CircuitOpenClientException} for {@code waitInOpenState}, then a few
 * trial calls decide whether it closes again. Permanent failures (4xx) do not count.
 *
 * @param failureRateThreshold percent of failed calls that opens the breaker (default 50)
 * @param slidingWindowSize calls the rate is computed over (default 20)
 * @param minimumCalls calls needed before the rate counts (default 10)
 * @param waitInOpenState how long the breaker stays open (default 30 s)
 * @param permittedCallsInHalfOpen trial calls after the wait (default 3)
 */
public record CircuitBreakerSettings(Float failureRateThreshold, Integer slidingWindowSize, Integer minimumCalls,
		Duration waitInOpenState, Integer permittedCallsInHalfOpen) {

	public CircuitBreakerSettings {
		failureRateThreshold = (failureRateThreshold != null) ? failureRateThreshold : 50f;
		slidingWindowSize = (slidingWindowSize != null) ? slidingWindowSize : 20;
		minimumCalls = (minimumCalls != null) ? minimumCalls : 10;
		waitInOpenState = (waitInOpenState != null) ? waitInOpenState : Duration.ofSeconds(30);
		permittedCallsInHalfOpen = (permittedCallsInHalfOpen != null) ? permittedCallsInHalfOpen : 3;
	}

	/** The defaults listed above. */
	public static CircuitBreakerSettings defaults() {
		return new CircuitBreakerSettings(null, null, null, null, null);
	}
}
