package io.catalogs.client.http;

/**
 * A snapshot of one client's resilience state, for health endpoints and the {@code Catalog.healthy}
 * flag: the circuit breaker's state and figures, and the rate limiter's free permits.
 *
 * @param client the client name, {@code vendor/instance}
 * @param circuitState {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or Resilience4j's other states)
 * @param failureRate percent of failed calls in the breaker's window, or -1 before it has enough calls
 * @param bufferedCalls calls in the breaker's window
 * @param availablePermits rate limiter permits left in the current period
 */
public record ClientHealth(String client, String circuitState, float failureRate, int bufferedCalls,
		int availablePermits) {

	/** Whether calls go through: the breaker is not open. */
	public boolean healthy() {
		return !this.circuitState.contains("OPEN") || this.circuitState.equals("HALF_OPEN");
	}
}
