package io.catalogs.bench;

import io.catalogs.mongo.MongoCatalogFactory;
import io.catalogs.mongo.MongoCatalogProperties;
import io.catalogs.postgres.PostgresCatalogFactory;
import io.catalogs.postgres.PostgresCatalogProperties;
import io.catalogs.redis.RedisCatalogFactory;
import io.catalogs.redis.RedisCatalogProperties;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;

/**
 * The benchmark's own handles on the gateway's stores, made by the catalog modules' factories with
 * the same names and default layout as the gateway's: they load the data set straight into each
 * store and read every id and version back for the convergence check.
 */
final class BenchCatalogs implements AutoCloseable {

	private final Map<String, Catalog> catalogs;

	private BenchCatalogs(Map<String, Catalog> catalogs) {
		this.catalogs = catalogs;
	}

	/** Catalogs {@code postgres} (primary), {@code mongo} and {@code redis} on those stores. */
	static BenchCatalogs open(StoreEndpoints stores) {
		Map<String, Catalog> catalogs = new LinkedHashMap<>();
		catalogs.put("postgres", new PostgresCatalogFactory().create(definition("postgres", CatalogRole.PRIMARY),
				PostgresCatalogProperties.of(stores.postgresUrl(), stores.postgresUsername(),
						stores.postgresPassword())));
		catalogs.put("mongo", new MongoCatalogFactory().create(definition("mongo", CatalogRole.SECONDARY),
				MongoCatalogProperties.of(stores.mongoUri())));
		catalogs.put("redis", new RedisCatalogFactory().create(definition("redis", CatalogRole.SECONDARY),
				RedisCatalogProperties.of(stores.redisUri())));
		return new BenchCatalogs(catalogs);
	}

	private static CatalogDefinition definition(String name, CatalogRole role) {
		return new CatalogDefinition(name, name, role, Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE));
	}

	Catalog primary() {
		return this.catalogs.get("postgres");
	}

	Map<String, Catalog> secondaries() {
		Map<String, Catalog> secondaries = new LinkedHashMap<>(this.catalogs);
		secondaries.remove("postgres");
		return secondaries;
	}

	Map<String, Catalog> all() {
		return this.catalogs;
	}

	@Override
	public void close() {
		Flux.fromIterable(this.catalogs.values()).flatMap(Catalog::close).then().block(Duration.ofSeconds(10));
	}
}
