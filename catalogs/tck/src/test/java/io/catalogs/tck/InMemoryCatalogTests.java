package io.catalogs.tck;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.util.Set;

/** The reference catalog passes the contract with every capability declared. */
class InMemoryCatalogTests extends AbstractCatalogContractTests {

	private final InMemoryCatalog catalog = new InMemoryCatalog(
			new CatalogDefinition("memory", "memory", CatalogRole.PRIMARY, Set.copyOf(EntityTypes.all())),
			InMemoryCatalog.allCapabilities(EntityTypes.all()));

	@Override
	protected Catalog catalog() {
		return this.catalog;
	}

	@Override
	protected void clear() {
		this.catalog.clear();
	}
}
