package io.catalogs.tck;

import io.catalogs.schema.Customer;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract holds for a catalog that declares less: no text search, no backward paging, no
 * ordering by phone and no filtering on amounts. The suite then proves each of these is refused.
 */
class ReducedInMemoryCatalogTests extends AbstractCatalogContractTests {

	static final Set<Capability> CAPABILITIES = InMemoryCatalog.allCapabilities(EntityTypes.all()).stream()
		.filter(capability -> !capability.name().endsWith(":CONTAINS"))
		.filter(capability -> !capability.name().startsWith("filter:invoice." + Invoice.AMOUNT + ":"))
		.filter(capability -> !capability.equals(Capability.sort(EntityTypes.CUSTOMER, Customer.PHONE)))
		.filter(capability -> !capability.equals(Capability.BACKWARD_PAGING))
		.collect(Collectors.toSet());

	private final InMemoryCatalog catalog = new InMemoryCatalog(
			new CatalogDefinition("reduced", "memory", CatalogRole.SECONDARY, Set.copyOf(EntityTypes.all())),
			CAPABILITIES);

	@Override
	protected Catalog catalog() {
		return this.catalog;
	}

	@Override
	protected void clear() {
		this.catalog.clear();
	}
}
