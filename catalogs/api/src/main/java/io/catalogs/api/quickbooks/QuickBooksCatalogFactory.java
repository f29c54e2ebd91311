package io.catalogs.api.quickbooks;

import io.catalogs.api.ApiCatalogs;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.OAuthAccounts;
import io.catalogs.api.mapping.EntityMapping;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.quickbooks.QuickBooksClient;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Creates QuickBooks-Online-backed catalogs for the instances configured with
 * {@code kind: quickbooks}: customers and invoices as QuickBooks customers and invoices. Creation
 * checks configuration and mapping but calls nothing, so it succeeds while QuickBooks is unreachable.
 */
public class QuickBooksCatalogFactory implements CatalogFactory<QuickBooksCatalogProperties> {

	/** The value of {@code catalogs.instances.<name>.kind} this factory serves. */
	public static final String KIND = "quickbooks";

	/** The vendor object each entity type is held in: what mappings of this kind may name. */
	public static final Map<EntityType, RemoteSchema> SCHEMAS = Map.of(EntityTypes.CUSTOMER, QuickBooksCustomerCollection.SCHEMA,
			EntityTypes.INVOICE, QuickBooksInvoiceCollection.SCHEMA);

	private final ApiLinkStore links;

	private final OAuthAccounts accounts;

	/** A factory whose catalogs keep their links in {@code links} and their OAuth token sets through {@code accounts}. */
	public QuickBooksCatalogFactory(ApiLinkStore links, OAuthAccounts accounts) {
		this.links = links;
		this.accounts = accounts;
	}

	/** A factory whose catalogs keep their links in {@code links} and their token sets in memory. */
	public QuickBooksCatalogFactory(ApiLinkStore links) {
		this(links, OAuthAccounts.inMemory());
	}

	/** A factory whose catalogs keep their links in memory (tests). */
	public QuickBooksCatalogFactory() {
		this(new InMemoryApiLinkStore());
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<QuickBooksCatalogProperties> propertiesType() {
		return QuickBooksCatalogProperties.class;
	}

	@Override
	public Set<EntityType> supportedEntityTypes() {
		return Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE);
	}

	@Override
	public Catalog create(CatalogDefinition definition, QuickBooksCatalogProperties properties) {
		Map<EntityType, EntityMapping> mappings = ApiCatalogs.mappings(definition, KIND,
				SCHEMAS, properties.mapping());
		QuickBooksClient client = QuickBooksClient.create(definition.name(), properties.client(definition.name()),
				Clock.systemUTC(), this.accounts.saver(definition.name()));
		this.accounts.attach(definition.name(), KIND, client.auth(), properties.realmId());
		QuickBooksCustomerCollection customers = new QuickBooksCustomerCollection(client, properties.listing().pageSize());
		QuickBooksInvoiceCollection invoices = new QuickBooksInvoiceCollection(client, properties.listing().pageSize());
		return ApiCatalogs.catalog(definition, mappings,
				(mapping) -> EntityTypes.INVOICE.equals(mapping.type()) ? invoices : customers, this.links, properties.readCache(),
				properties.listing(), customers::ping);
	}
}
