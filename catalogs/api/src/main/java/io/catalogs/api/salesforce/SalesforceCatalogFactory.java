package io.catalogs.api.salesforce;

import io.catalogs.api.ApiCatalogs;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.OAuthAccounts;
import io.catalogs.api.mapping.EntityMapping;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.salesforce.SalesforceClient;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Creates Salesforce-backed catalogs for the instances configured with {@code kind: salesforce}:
 * customers as Contacts, invoices as the custom object {@code Catalogs_Invoice__c}. Creation checks
 * configuration and mapping but calls nothing (the OAuth token is fetched on the first call), so it
 * succeeds while Salesforce is unreachable.
 */
public class SalesforceCatalogFactory implements CatalogFactory<SalesforceCatalogProperties> {

	/** The value of {@code catalogs.instances.<name>.kind} this factory serves. */
	public static final String KIND = "salesforce";

	/** The vendor object each entity type is held in: what mappings of this kind may name. */
	public static final Map<EntityType, RemoteSchema> SCHEMAS = Map.of(EntityTypes.CUSTOMER, SalesforceContactCollection.SCHEMA,
			EntityTypes.INVOICE, SalesforceInvoiceCollection.SCHEMA);

	private final ApiLinkStore links;

	private final OAuthAccounts accounts;

	/** A factory whose catalogs keep their links in {@code links} and their OAuth token sets through {@code accounts}. */
	public SalesforceCatalogFactory(ApiLinkStore links, OAuthAccounts accounts) {
		this.links = links;
		this.accounts = accounts;
	}

	/** A factory whose catalogs keep their links in {@code links} and their token sets in memory. */
	public SalesforceCatalogFactory(ApiLinkStore links) {
		this(links, OAuthAccounts.inMemory());
	}

	/** A factory whose catalogs keep their links in memory (tests). */
	public SalesforceCatalogFactory() {
		this(new InMemoryApiLinkStore());
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<SalesforceCatalogProperties> propertiesType() {
		return SalesforceCatalogProperties.class;
	}

	@Override
	public Set<EntityType> supportedEntityTypes() {
		return Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE);
	}

	@Override
	public Catalog create(CatalogDefinition definition, SalesforceCatalogProperties properties) {
		Map<EntityType, EntityMapping> mappings = ApiCatalogs.mappings(definition, KIND,
				SCHEMAS, properties.mapping());
		SalesforceClient client = SalesforceClient.create(definition.name(), properties.client(definition.name()),
				Clock.systemUTC(), this.accounts.saver(definition.name()));
		this.accounts.attach(definition.name(), KIND, client.auth(), null);
		SalesforceContactCollection contacts = new SalesforceContactCollection(client, properties.listing().pageSize());
		SalesforceInvoiceCollection invoices = new SalesforceInvoiceCollection(client, properties.listing().pageSize());
		return ApiCatalogs.catalog(definition, mappings,
				(mapping) -> EntityTypes.INVOICE.equals(mapping.type()) ? invoices : contacts, this.links, properties.readCache(),
				properties.listing(), contacts::ping);
	}
}
