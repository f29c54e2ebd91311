package io.catalogs.redis;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.AbstractCatalogContractTests;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Redis catalog passes the catalog contract against a real Redis server. */
class RedisCatalogIT extends AbstractCatalogContractTests {

	private static RedisCatalog catalog;

	private static RedisClient admin;

	private static StatefulRedisConnection<String, String> adminConnection;

	@BeforeAll
	static void connect() {
		String uri = EmbeddedRedis.shared().uri();
		catalog = RedisCatalog.create(new CatalogDefinition("redis", "redis", CatalogRole.SECONDARY,
				Set.copyOf(EntityTypes.all())), RedisCatalogProperties.of(uri));
		admin = RedisClient.create(uri);
		adminConnection = admin.connect();
	}

	@AfterAll
	static void disconnect() {
		catalog.close().block();
		adminConnection.close();
		admin.shutdown();
	}

	@Override
	protected Catalog catalog() {
		return catalog;
	}

	@Override
	protected void clear() {
		adminConnection.sync().flushdb();
	}
}
