package io.catalogs.spi;

/** No catalog of that name is configured, or none holds the requested entity type. */
public class UnknownCatalogException extends CatalogException {

	public UnknownCatalogException(String message) {
		super(message);
	}

	public static UnknownCatalogException named(String name) {
		return new UnknownCatalogException("unknown catalog '" + name + "'");
	}
}
