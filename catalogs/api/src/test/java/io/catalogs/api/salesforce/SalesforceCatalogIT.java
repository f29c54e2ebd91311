package io.catalogs.api.salesforce;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.spi.Catalog;
import io.catalogs.tck.AbstractCatalogContractTests;

/** The catalog contract on Salesforce Contacts, against a Salesforce-compatible local server. */
class SalesforceCatalogIT extends AbstractCatalogContractTests {

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static final Catalog catalog = SalesforceTestCatalogs.catalog(links, ReadCacheProperties.disabled());

	@Override
	protected Catalog catalog() {
		return catalog;
	}

	@Override
	protected void clear() {
		FakeServers.salesforce().reset();
		links.clear();
	}
}
