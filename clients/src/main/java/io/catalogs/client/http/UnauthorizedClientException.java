package io.catalogs.client.http;

/**
 * The vendor refused our credentials (401) and, where the client can refresh them (OAuth 2.0), kept
 * refusing the refreshed ones, or the token endpoint refused the refresh token itself. Needs new
 * configuration, so it is permanent.
 */
public class UnauthorizedClientException extends PermanentClientException {

	public UnauthorizedClientException(String client, String operation, int status, String correlationId) {
		super(client, operation, status, correlationId, null);
	}
}
