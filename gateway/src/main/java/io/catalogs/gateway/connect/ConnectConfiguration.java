package io.catalogs.gateway.connect;

import io.catalogs.api.OAuthAccounts;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.spi.CatalogRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connected accounts: with {@code catalogs.credentials.key} set, the OAuth token sets of the
 * Salesforce and QuickBooks catalogs are kept sealed in the control store (the
 * {@link io.catalogs.api.OAuthTokenStore} the catalogs use), {@code connectCatalog} is available, and
 * {@code --catalogs.credentials.rotate} re-seals them with the current key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialsProperties.class)
public class ConnectConfiguration {

	@Bean
	@ConditionalOnProperty("catalogs.credentials.key")
	ControlStoreOAuthTokenStore controlStoreOAuthTokenStore(ControlStore store, CredentialsProperties properties) {
		return new ControlStoreOAuthTokenStore(store, CredentialCipher.of(properties));
	}

	@Bean
	@ConditionalOnProperty("catalogs.credentials.key")
	CredentialKeyRotation credentialKeyRotation(ControlStoreOAuthTokenStore store) {
		return new CredentialKeyRotation(store);
	}

	@Bean
	CatalogConnector catalogConnector(CatalogRegistry registry, ObjectProvider<OAuthAccounts> accounts,
			ObjectProvider<ControlStoreOAuthTokenStore> store, CredentialsProperties properties) {
		return new CatalogConnector(registry, accounts.getIfAvailable(OAuthAccounts::inMemory), store.getIfAvailable(),
				properties.redirectUri());
	}
}
