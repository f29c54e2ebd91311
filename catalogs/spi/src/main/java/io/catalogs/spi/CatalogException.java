package io.catalogs.spi;

/**
 * The base of every failure a catalog signals. Messages are written for operators and may be shown
 * to clients by the gateway's error mapping: they never contain driver messages or secrets.
 */
public class CatalogException extends RuntimeException {

	public CatalogException(String message) {
		super(message);
	}

	public CatalogException(String message, Throwable cause) {
		super(message, cause);
	}
}
