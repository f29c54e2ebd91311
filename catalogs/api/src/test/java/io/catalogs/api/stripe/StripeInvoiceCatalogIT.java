package io.catalogs.api.stripe;

import io.catalogs.api.ApiCatalog;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.AbstractCatalogContractTests;
import io.catalogs.tck.SampleEntities;

import java.time.Duration;
import java.util.Set;

/**
 * The catalog contract on Stripe invoices, against a Stripe-compatible local server. The invoices
 * refer to customers c1 to c3 of the contract's data, which a second catalog of the same name
 * (customers only, same links) holds at Stripe: invoices need their customer there first.
 */
class StripeInvoiceCatalogIT extends AbstractCatalogContractTests {

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static final StripeCatalogFactory factory = new StripeCatalogFactory(links);

	private static final ApiCatalog invoices = (ApiCatalog) factory.create(
			new CatalogDefinition("stripe", "stripe", CatalogRole.SECONDARY, Set.of(EntityTypes.INVOICE)),
			StripeTestCatalogs.properties());

	private static final Catalog customers = factory.create(
			new CatalogDefinition("stripe", "stripe", CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER)),
			StripeTestCatalogs.properties());

	@Override
	protected Catalog catalog() {
		return invoices;
	}

	@Override
	protected void clear() {
		FakeServers.stripe().reset();
		links.clear();
		invoices.invalidateCache();
		SampleEntities.customers().subList(0, 3).forEach((customer) -> customers.create(customer).block(Duration.ofSeconds(10)));
	}
}
