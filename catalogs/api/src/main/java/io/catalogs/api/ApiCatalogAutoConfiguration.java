package io.catalogs.api;

import io.catalogs.api.hubspot.HubSpotCatalogFactory;
import io.catalogs.api.quickbooks.QuickBooksCatalogFactory;
import io.catalogs.api.salesforce.SalesforceCatalogFactory;
import io.catalogs.api.stripe.StripeCatalogFactory;
import io.catalogs.client.http.VendorHttpClient;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Contributes the catalog factories of the API-backed kinds ({@code stripe}, {@code hubspot},
 * {@code salesforce}, {@code quickbooks}), so that instances of these kinds can be configured.
 * Their links go to the application's {@link ApiLinkStore} bean (the gateway's control store),
 * looked up on first use; without one they are kept in memory, and each API catalog says so when
 * it is created. The token sets of the OAuth kinds go to the {@link OAuthTokenStore} bean, if any,
 * through {@link OAuthAccounts}.
 */
@AutoConfiguration
@ConditionalOnClass(VendorHttpClient.class)
public class ApiCatalogAutoConfiguration {

	private ApiLinkStore shared;

	@Bean
	@ConditionalOnMissingBean
	StripeCatalogFactory stripeCatalogFactory(ObjectProvider<ApiLinkStore> stores, ListableBeanFactory beans) {
		return new StripeCatalogFactory(linkStore(stores, beans));
	}

	@Bean
	@ConditionalOnMissingBean
	HubSpotCatalogFactory hubSpotCatalogFactory(ObjectProvider<ApiLinkStore> stores, ListableBeanFactory beans) {
		return new HubSpotCatalogFactory(linkStore(stores, beans));
	}

	@Bean
	@ConditionalOnMissingBean
	SalesforceCatalogFactory salesforceCatalogFactory(ObjectProvider<ApiLinkStore> stores, ListableBeanFactory beans,
			OAuthAccounts accounts) {
		return new SalesforceCatalogFactory(linkStore(stores, beans), accounts);
	}

	@Bean
	@ConditionalOnMissingBean
	QuickBooksCatalogFactory quickBooksCatalogFactory(ObjectProvider<ApiLinkStore> stores, ListableBeanFactory beans,
			OAuthAccounts accounts) {
		return new QuickBooksCatalogFactory(linkStore(stores, beans), accounts);
	}

	/** The OAuth accounts of the Salesforce and QuickBooks catalogs, kept in the {@link OAuthTokenStore} bean if any. */
	@Bean
	@ConditionalOnMissingBean
	OAuthAccounts oauthAccounts(ObjectProvider<OAuthTokenStore> stores) {
		return new OAuthAccounts(stores::getIfAvailable);
	}

	/** One lazy link store shared by the factories (catalogs warn at creation when it is not durable). */
	private ApiLinkStore linkStore(ObjectProvider<ApiLinkStore> stores, ListableBeanFactory beans) {
		synchronized (this) {
			if (this.shared == null) {
				boolean defined = beans.getBeanNamesForType(ApiLinkStore.class, true, false).length > 0;
				this.shared = new LazyApiLinkStore(stores::getIfAvailable, defined);
			}
			return this.shared;
		}
	}
}
