package io.catalogs.gateway.connect;

/**
 * A stored credential could not be opened: it was altered, it belongs to another catalog, or its
 * key is not configured. The message names the catalog and the key id, never a secret.
 */
public class CredentialDecryptionException extends RuntimeException {

	public CredentialDecryptionException(String message, Throwable cause) {
		super(message, cause);
	}
}
