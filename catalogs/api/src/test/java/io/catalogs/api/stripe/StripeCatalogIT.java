package io.catalogs.api.stripe;

import io.catalogs.api.ApiCatalog;
import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.AbstractCatalogContractTests;

import java.util.Set;

/** The catalog contract on Stripe customers, against a Stripe-compatible local server. */
class StripeCatalogIT extends AbstractCatalogContractTests {

	private static final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private static final ApiCatalog catalog = (ApiCatalog) new StripeCatalogFactory(links).create(
			new CatalogDefinition("stripe", "stripe", CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER)),
			StripeTestCatalogs.properties());

	@Override
	protected Catalog catalog() {
		return catalog;
	}

	@Override
	protected void clear() {
		FakeHttpServer server = FakeServers.stripe();
		server.reset();
		links.clear();
		catalog.invalidateCache();
	}
}
