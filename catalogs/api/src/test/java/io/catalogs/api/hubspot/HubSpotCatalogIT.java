package io.catalogs.api.hubspot;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.spi.Catalog;
import io.catalogs.tck.AbstractCatalogContractTests;

/**
 * The catalog contract on HubSpot contacts, against a HubSpot-compatible local server. HubSpot
 * refuses a second contact with an email another one has; the suite's data gives a live and a
 * deleted customer the same email, so that rule is off here (HubSpotContactsIT covers it).
 */
class HubSpotCatalogIT extends AbstractCatalogContractTests {

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static final Catalog catalog = HubSpotTestCatalogs.catalog(links, ReadCacheProperties.disabled());

	@Override
	protected Catalog catalog() {
		return catalog;
	}

	@Override
	protected void clear() {
		FakeServers.hubspot().reset();
		FakeServers.hubspotVendor().uniqueEmails(false);
		links.clear();
	}
}
