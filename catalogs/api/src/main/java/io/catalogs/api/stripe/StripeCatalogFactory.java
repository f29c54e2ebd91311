package io.catalogs.api.stripe;

import io.catalogs.api.ApiCatalogs;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.mapping.EntityMapping;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.stripe.StripeClient;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.util.Map;
import java.util.Set;

/**
 * Creates Stripe-backed catalogs for the instances configured with {@code kind: stripe}: customers
 * as Stripe customers, invoices as Stripe invoices (one invoice item each). Creation checks the configuration and the field mapping (failing with the
 * key that is wrong) but calls nothing, so it succeeds while Stripe is unreachable.
 */
public class StripeCatalogFactory implements CatalogFactory<StripeCatalogProperties> {

	/** The value of {@code catalogs.instances.<name>.kind} this factory serves. */
	public static final String KIND = "stripe";

	/** The vendor object each entity type is held in: what mappings of this kind may name. */
	public static final Map<EntityType, RemoteSchema> SCHEMAS = Map.of(EntityTypes.CUSTOMER, StripeCustomerCollection.SCHEMA,
			EntityTypes.INVOICE, StripeInvoiceCollection.SCHEMA);

	private final ApiLinkStore links;

	/** A factory whose catalogs keep their links in {@code links}. */
	public StripeCatalogFactory(ApiLinkStore links) {
		this.links = links;
	}

	/** A factory whose catalogs keep their links in memory (tests). */
	public StripeCatalogFactory() {
		this(new InMemoryApiLinkStore());
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<StripeCatalogProperties> propertiesType() {
		return StripeCatalogProperties.class;
	}

	@Override
	public Set<EntityType> supportedEntityTypes() {
		return Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE);
	}

	@Override
	public Catalog create(CatalogDefinition definition, StripeCatalogProperties properties) {
		Map<EntityType, EntityMapping> mappings = ApiCatalogs.mappings(definition, KIND,
				SCHEMAS, properties.mapping());
		StripeClient client = StripeClient.create(definition.name(), properties.client(definition.name()));
		int pageSize = properties.listing().pageSize();
		StripeCustomerCollection customers = new StripeCustomerCollection(client, pageSize);
		return ApiCatalogs.catalog(definition, mappings, (mapping) -> mapping.type().equals(EntityTypes.INVOICE)
				? new StripeInvoiceCollection(client, pageSize) : customers,
				this.links, properties.readCache(), properties.listing(), customers::ping);
	}
}
