package io.catalogs.postgres;

import io.catalogs.schema.EntityType;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates {@link PostgresCatalog}s for {@code kind: postgres}: a connection pool per instance whose
 * statements are counted in the {@value StatementCountingListener#METER} counter tagged with the
 * catalog name, and the schema migrated at creation (or on first use if the database is down then).
 */
public class PostgresCatalogFactory implements CatalogFactory<PostgresCatalogProperties> {

	/** The value of {@code kind} this factory serves. */
	public static final String KIND = "postgres";

	private final MeterRegistry meterRegistry;

	private final JsonMapper json = JsonMapper.builder().build();

	/** A factory whose catalogs count their statements in {@code meterRegistry}. */
	public PostgresCatalogFactory(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	/** A factory whose catalogs count their statements in a registry of their own. */
	public PostgresCatalogFactory() {
		this(new SimpleMeterRegistry());
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Class<PostgresCatalogProperties> propertiesType() {
		return PostgresCatalogProperties.class;
	}

	@Override
	public Set<EntityType> supportedEntityTypes() {
		return PostgresTables.supportedTypes();
	}

	/**
	 * Create the catalog and migrate its schema, blocking; if the database cannot be reached, the
	 * catalog is still created and signals unavailability until it can.
	 * @throws IllegalArgumentException if the URL is not a PostgreSQL R2DBC URL or a type has no table
	 */
	@Override
	public PostgresCatalog create(CatalogDefinition definition, PostgresCatalogProperties properties) {
		Map<EntityType, TableMapping> tables = PostgresTables.mappings(definition.entityTypes(), properties.schema(), this.json);
		PostgresMigrations migrations = PostgresMigrations.of(definition.name(), properties);
		ConnectionPool pool = pool(definition.name(), properties);
		migrations.migrateAtStartup();
		// the pool waits for a connection, then the server runs the statement: a client-side bound on
		// both, for a server that stops answering without closing the connection
		Duration timeout = properties.pool().maxAcquireTime().plus(properties.statementTimeout()).plusSeconds(1);
		return new PostgresCatalog(definition, tables, pool, migrations, timeout);
	}

	/** The meter registry the statement counters are registered in. */
	public MeterRegistry meterRegistry() {
		return this.meterRegistry;
	}

	private ConnectionPool pool(String name, PostgresCatalogProperties properties) {
		ConnectionFactoryOptions url = ConnectionFactoryOptions.parse(properties.url());
		Object driver = url.getValue(ConnectionFactoryOptions.DRIVER);
		if (!"postgresql".equals(driver) && !"postgres".equals(driver)) {
			throw new IllegalArgumentException("catalog '" + name + "': url must start with r2dbc:postgresql://");
		}
		ConnectionFactoryOptions.Builder options = url.mutate()
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, properties.connectTimeout())
			.option(PostgresqlConnectionFactoryProvider.STATEMENT_TIMEOUT, properties.statementTimeout())
			.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, "catalog-gateway:" + name);
		if (properties.username() != null) {
			options.option(ConnectionFactoryOptions.USER, properties.username());
		}
		if (properties.password() != null) {
			options.option(ConnectionFactoryOptions.PASSWORD, properties.password());
		}
		Counter statements = Counter.builder(StatementCountingListener.METER)
			.description("SQL statements a catalog sent to PostgreSQL")
			.tag("catalog", name)
			.register(this.meterRegistry);
		ConnectionFactory counted = ProxyConnectionFactory.builder(ConnectionFactories.get(options.build()))
			.listener(new StatementCountingListener(statements))
			.build();
		PostgresCatalogProperties.Pool pool = properties.pool();
		return new ConnectionPool(ConnectionPoolConfiguration.builder(counted)
			.name("catalog-" + name)
			.initialSize(0)
			.maxSize(pool.maxSize())
			.maxIdleTime(pool.maxIdleTime())
			.maxAcquireTime(pool.maxAcquireTime())
			.maxCreateConnectionTime(properties.connectTimeout())
			.build());
	}
}
