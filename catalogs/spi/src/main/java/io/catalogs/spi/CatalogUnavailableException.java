package io.catalogs.spi;

/** The catalog's store cannot be reached or did not answer in time. The driver's error is the cause. */
public class CatalogUnavailableException extends RetriableCatalogException {

	private final String catalog;

	public CatalogUnavailableException(String catalog, Throwable cause) {
		super("catalog '" + catalog + "' is unavailable", cause);
		this.catalog = catalog;
	}

	public String catalog() {
		return this.catalog;
	}
}
