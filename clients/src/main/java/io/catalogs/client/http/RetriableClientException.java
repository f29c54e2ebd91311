package io.catalogs.client.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may go away by itself: 429, 5xx, 408, timeouts, connection resets, an open circuit.
 * The same call can be tried again later; a create is safe to repeat because it carries an
 * idempotency key (or is looked up by the gateway id first). Clients already retried it a few
 * times before throwing this.
 */
public class RetriableClientException extends ClientException {

	private final Duration retryAfter;

	public RetriableClientException(String client, String operation, int status, String correlationId,
			Duration retryAfter, Throwable cause) {
		super(client, operation, status, correlationId, cause);
		this.retryAfter = retryAfter;
	}

	/** How long the vendor asked us to wait (its {@code Retry-After}), if it said. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}
}
