package io.catalogs.api.salesforce;

import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** Salesforce catalogs against the shared fake server (its token endpoint included). */
final class SalesforceTestCatalogs {

	private SalesforceTestCatalogs() {
	}

	static SalesforceCatalogProperties properties(ReadCacheProperties cache) {
		URI base = FakeServers.salesforce().baseUrl();
		OAuth2Settings oauth = new OAuth2Settings(URI.create(base + "/services/oauth2/token"), FakeSalesforce.CLIENT_ID,
				FakeSalesforce.CLIENT_SECRET, FakeSalesforce.REFRESH_TOKEN, null, null, null);
		return new SalesforceCatalogProperties(base, null, oauth, null, Duration.ofSeconds(5),
				RateLimitSettings.of(10_000, Duration.ofSeconds(1)), RetrySettings.of(3, Duration.ofMillis(20)), null, cache,
				null, null);
	}

	static Catalog catalog(ApiLinkStore links, ReadCacheProperties cache) {
		return catalog(links, cache, Set.of(EntityTypes.CUSTOMER));
	}

	static Catalog catalog(ApiLinkStore links, ReadCacheProperties cache, Set<EntityType> types) {
		return new SalesforceCatalogFactory(links).create(new CatalogDefinition("salesforce", "salesforce", CatalogRole.SECONDARY, types),
				properties(cache));
	}
}
