package io.catalogs.api.hubspot;

import io.catalogs.api.ApiCatalogs;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.mapping.EntityMapping;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.hubspot.HubSpotClient;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates HubSpot-backed catalogs for the instances configured with {@code kind: hubspot}:
 * customers as HubSpot contacts. The client reads back exactly the properties the mapping names,
 * and looks contacts up by the property the mapping holds the id in. Creation calls nothing.
 */
public class HubSpotCatalogFactory implements CatalogFactory<HubSpotCatalogProperties> {

	/** The value of {@code catalogs.instances.<name>.kind} this factory serves. */
	public static final String KIND = "hubspot";

	/** The vendor object each entity type is held in: what mappings of this kind may name. */
	public static final Map<EntityType, RemoteSchema> SCHEMAS = Map.of(EntityTypes.CUSTOMER, HubSpotContactCollection.SCHEMA);

	private final ApiLinkStore links;

	/** A factory whose catalogs keep their links in {@code links}. */
	public HubSpotCatalogFactory(ApiLinkStore links) {
		this.links = links;
	}

	/** A factory whose catalogs keep their links in memory (tests). */
	public HubSpotCatalogFactory() {
		this(new InMemoryApiLinkStore());
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<HubSpotCatalogProperties> propertiesType() {
		return HubSpotCatalogProperties.class;
	}

	@Override
	public Set<EntityType> supportedEntityTypes() {
		return Set.of(EntityTypes.CUSTOMER);
	}

	@Override
	public Catalog create(CatalogDefinition definition, HubSpotCatalogProperties properties) {
		Map<EntityType, EntityMapping> mappings = ApiCatalogs.mappings(definition, KIND,
				SCHEMAS, properties.mapping());
		EntityMapping customers = mappings.get(EntityTypes.CUSTOMER);
		String gatewayIdProperty = HubSpotContactCollection.property(customers.idPath());
		List<String> read = customers.paths().stream().filter((path) -> path.startsWith(HubSpotContactCollection.PROPERTIES))
			.map(HubSpotContactCollection::property).toList();
		HubSpotClient client = HubSpotClient.create(definition.name(),
				properties.client(definition.name(), gatewayIdProperty, read));
		HubSpotContactCollection contacts = new HubSpotContactCollection(client, gatewayIdProperty,
				properties.listing().pageSize());
		return ApiCatalogs.catalog(definition, mappings, (mapping) -> contacts, this.links, properties.readCache(),
				properties.listing(), contacts::ping);
	}
}
