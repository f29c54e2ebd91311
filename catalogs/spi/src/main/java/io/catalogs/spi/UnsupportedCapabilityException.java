package io.catalogs.spi;

/** The request needs a {@link Capability} the catalog does not declare. */
public class UnsupportedCapabilityException extends CatalogException {

	private final String catalog;

	private final Capability capability;

	public UnsupportedCapabilityException(String catalog, Capability capability) {
		super("catalog '" + catalog + "' does not support " + capability);
		this.catalog = catalog;
		this.capability = capability;
	}

	public String catalog() {
		return this.catalog;
	}

	public Capability capability() {
		return this.capability;
	}
}
