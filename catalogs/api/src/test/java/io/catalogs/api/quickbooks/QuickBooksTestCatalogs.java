package io.catalogs.api.quickbooks;

import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeQuickBooks;
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

/** QuickBooks catalogs against the shared fake server (its token endpoint included). */
final class QuickBooksTestCatalogs {

	private QuickBooksTestCatalogs() {
	}

	static QuickBooksCatalogProperties properties(ReadCacheProperties cache) {
		URI base = FakeServers.quickbooks().baseUrl();
		OAuth2Settings oauth = new OAuth2Settings(URI.create(base + "/oauth2/v1/tokens/bearer"), FakeQuickBooks.CLIENT_ID,
				FakeQuickBooks.CLIENT_SECRET, FakeServers.quickbooksVendor().tokens().currentRefreshToken(), null, null, null);
		return new QuickBooksCatalogProperties(base, FakeQuickBooks.REALM, null, null, oauth, null, Duration.ofSeconds(5),
				RateLimitSettings.of(10_000, Duration.ofSeconds(1)), RetrySettings.of(3, Duration.ofMillis(20)), null, cache,
				null, null);
	}

	static Catalog catalog(ApiLinkStore links, ReadCacheProperties cache) {
		return catalog(links, cache, Set.of(EntityTypes.CUSTOMER));
	}

	static Catalog catalog(ApiLinkStore links, ReadCacheProperties cache, Set<EntityType> types) {
		return new QuickBooksCatalogFactory(links).create(new CatalogDefinition("quickbooks", "quickbooks", CatalogRole.SECONDARY, types),
				properties(cache));
	}
}
