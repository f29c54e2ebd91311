package io.catalogs.client.http;

/**
 * A failure that repeating the same call will not fix: a 4xx other than 408/429 (bad input, refused
 * credentials after one refresh, a conflict, a stale version token), or a response we cannot read.
 * Clients never retry these.
 */
public class PermanentClientException extends ClientException {

	public PermanentClientException(String client, String operation, int status, String correlationId,
			Throwable cause) {
		super(client, operation, status, correlationId, cause);
	}
}
