package io.catalogs.api.quickbooks;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.spi.Catalog;
import io.catalogs.tck.AbstractCatalogContractTests;

/**
 * The catalog contract on QuickBooks customers, against a QuickBooks-compatible local server.
 * QuickBooks refuses a second customer with the display name of another; the suite's data has two
 * customers of the same name, so that rule is off here (QuickBooksCustomersIT covers it).
 */
class QuickBooksCatalogIT extends AbstractCatalogContractTests {

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
			// Intuit rotates refresh tokens: the client starts from the one the fake holds now, and
			// the fake keeps the rotated ones between tests
			catalog = QuickBooksTestCatalogs.catalog(links, ReadCacheProperties.disabled());
		}
		FakeServers.quickbooksVendor().clearEntities();
		FakeServers.quickbooksVendor().uniqueDisplayNames(false);
		links.clear();
	}
}
