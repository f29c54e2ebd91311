package io.catalogs.tck;

import io.catalogs.schema.Customer;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.spi.Operator;

import java.util.Set;

/**
 * The contract holds for a catalog of customers only that declares a single filter (email
 * equality, as a key-value store with one index might): invoice tests are skipped and every
 * other listing capability is refused.
 */
class CustomerOnlyInMemoryCatalogTests extends AbstractCatalogContractTests {

	private final InMemoryCatalog catalog = new InMemoryCatalog(
			new CatalogDefinition("customers", "memory", CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER)),
			Set.of(Capability.filter(EntityTypes.CUSTOMER, Customer.EMAIL, Operator.EQ)));

	@Override
	protected Catalog catalog() {
		return this.catalog;
	}

	@Override
	protected void clear() {
		this.catalog.clear();
	}
}
