package io.catalogs.client.http;

/**
 * The vendor answered 404 for an object we named. Read and delete operations of the vendor clients
 * turn this into an empty result (documented per method); it escapes only where the missing object
 * was a precondition, such as an update of an object that is gone.
 */
public class NotFoundClientException extends PermanentClientException {

	public NotFoundClientException(String client, String operation, String correlationId) {
		super(client, operation, 404, correlationId, null);
	}
}
