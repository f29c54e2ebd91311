package io.catalogs.client.http;

/**
 * The client's circuit breaker is open after repeated failures, so the call was not sent at all.
 * Retriable: the breaker lets trial calls through after its wait time. Other clients (other
 * catalogs, other vendors) have breakers of their own and are unaffected.
 */
public class CircuitOpenClientException extends RetriableClientException {

	public CircuitOpenClientException(String client, String operation, String correlationId, Throwable cause) {
		super(client, operation, 0, correlationId, null, cause);
	}
}
