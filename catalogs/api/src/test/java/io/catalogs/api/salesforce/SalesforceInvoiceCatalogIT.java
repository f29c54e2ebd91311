package io.catalogs.api.salesforce;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.tck.AbstractCatalogContractTests;
import io.catalogs.tck.SampleEntities;

import java.util.Set;

/**
 * The catalog contract on invoices in the custom object {@code Catalogs_Invoice__c}, against a
 * Salesforce-compatible local server. The suite's invoices refer to customers {@code c1}...{@code c6}
 * that this catalog (holding invoices only) is given as links to Contacts, as a catalog holding both
 * types would have them after syncing the customers.
 */
class SalesforceInvoiceCatalogIT extends AbstractCatalogContractTests {

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static final Catalog catalog = SalesforceTestCatalogs.catalog(links, ReadCacheProperties.disabled(),
			Set.of(EntityTypes.INVOICE));

	@Override
	protected Catalog catalog() {
		return catalog;
	}

	@Override
	protected void clear() {
		FakeServers.salesforce().reset();
		links.clear();
		for (int i = 1; i <= 6; i++) {
			links.link("salesforce", EntityTypes.CUSTOMER, SampleEntities.id("c" + i), "0035g00000TCKc" + i).block();
		}
	}
}
