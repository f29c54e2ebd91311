package io.catalogs.api.hubspot;

import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.RateLimitSettings;
import io.catalogs.client.http.RetrySettings;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.time.Duration;
import java.util.Set;

/** HubSpot catalogs against the shared fake server, without HubSpot's burst limit. */
final class HubSpotTestCatalogs {

	private HubSpotTestCatalogs() {
	}

	static HubSpotCatalogProperties properties(ReadCacheProperties cache) {
		return new HubSpotCatalogProperties(FakeServers.hubspot().baseUrl(), FakeServers.HUBSPOT_TOKEN, null,
				Duration.ofSeconds(5), RateLimitSettings.of(10_000, Duration.ofSeconds(1)),
				RetrySettings.of(3, Duration.ofMillis(20)), null, cache, null, null);
	}

	static Catalog catalog(ApiLinkStore links, ReadCacheProperties cache) {
		return new HubSpotCatalogFactory(links).create(
				new CatalogDefinition("hubspot", "hubspot", CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER)),
				properties(cache));
	}
}
