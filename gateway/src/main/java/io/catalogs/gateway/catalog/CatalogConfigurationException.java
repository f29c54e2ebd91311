package io.catalogs.gateway.catalog;

/** Configuration under {@code catalogs} is wrong; the message names the key and what is expected. */
public class CatalogConfigurationException extends RuntimeException {

	public CatalogConfigurationException(String message) {
		super(message);
	}
}
