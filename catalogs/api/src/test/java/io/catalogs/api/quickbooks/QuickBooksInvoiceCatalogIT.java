package io.catalogs.api.quickbooks;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.tck.AbstractCatalogContractTests;
import io.catalogs.tck.SampleEntities;

import java.util.Set;

/**
 * The catalog contract on QuickBooks Online invoices, against a QuickBooks-compatible local
 * server. The suite's invoices refer to customers {@code c1}...{@code c6} that this catalog (holding
 * invoices only) is given as links to QuickBooks customers, as a catalog holding both types would
 * have them after syncing the customers.
 */
class QuickBooksInvoiceCatalogIT extends AbstractCatalogContractTests {

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static Catalog catalog;

	@Override
	protected Catalog catalog() {
		return catalog;
	}

	@Override
	protected void clear() {
		if (catalog == null) {
			FakeServers.quickbooks().reset();
			// Intuit rotates refresh tokens: the client starts from the one the fake holds now
			catalog = QuickBooksTestCatalogs.catalog(links, ReadCacheProperties.disabled(), Set.of(EntityTypes.INVOICE));
		}
		FakeServers.quickbooksVendor().clearEntities();
		links.clear();
		for (int i = 1; i <= 6; i++) {
			links.link("quickbooks", EntityTypes.CUSTOMER, SampleEntities.id("c" + i), Integer.toString(9000 + i)).block();
		}
	}
}
