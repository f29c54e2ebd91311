package io.catalogs.spi;

/** A failure that may go away by itself: the same call can succeed later (sync retries these). */
public class RetriableCatalogException extends CatalogException {

	public RetriableCatalogException(String message, Throwable cause) {
		super(message, cause);
	}
}
