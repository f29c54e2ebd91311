package io.catalogs.mongo;

import io.catalogs.schema.EntityType;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClients;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Creates {@link MongoCatalog}s for {@code catalogs.instances.<name>} entries of kind {@code mongo}:
 * one driver client per instance, configured from {@link MongoCatalogProperties}. Creation does not
 * need the server: the indexes are created at once when it answers, otherwise on first use.
 */
public class MongoCatalogFactory implements CatalogFactory<MongoCatalogProperties> {

	/** The {@code kind} this factory serves. */
	public static final String KIND = "mongo";

	private static final Log logger = LogFactory.getLog(MongoCatalogFactory.class);

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<MongoCatalogProperties> propertiesType() {
		return MongoCatalogProperties.class;
	}

	@Override
	public Set<EntityType> supportedEntityTypes() {
		return MongoCollectionMapping.supportedTypes();
	}

	@Override
	public MongoCatalog create(CatalogDefinition definition, MongoCatalogProperties properties) {
		MongoCatalog catalog = new MongoCatalog(definition, MongoClients.create(settings(properties)),
				properties.database());
		Duration wait = properties.serverSelectionTimeout().plus(properties.connectTimeout()).plusSeconds(5);
		try {
			catalog.createIndexes().block(wait);
		}
		catch (RuntimeException ex) {
			logger.warn("Catalog '" + definition.name() + "' cannot reach MongoDB at "
					+ properties.connectionString().getHosts() + " yet (" + ex.getClass().getSimpleName()
					+ "); its indexes will be created on first use");
		}
		return catalog;
	}

	/** The driver settings: the timeouts of {@code properties}, then everything the URI says. */
	static MongoClientSettings settings(MongoCatalogProperties properties) {
		ConnectionString uri = properties.connectionString();
		return MongoClientSettings.builder()
			.applicationName("catalog-gateway")
			.applyToClusterSettings(cluster -> cluster
				.serverSelectionTimeout(millis(properties.serverSelectionTimeout()), TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket
				.connectTimeout(millis(properties.connectTimeout()), TimeUnit.MILLISECONDS)
				.readTimeout(millis(properties.readTimeout()), TimeUnit.MILLISECONDS))
			.applyConnectionString(uri)
			.build();
	}

	private static long millis(Duration duration) {
		return duration.toMillis();
	}
}
