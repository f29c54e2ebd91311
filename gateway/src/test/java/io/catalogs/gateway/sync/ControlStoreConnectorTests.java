package io.catalogs.gateway.sync;

import io.catalogs.gateway.catalog.CatalogConfigurationException;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.util.List;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlStoreConnectorTests {

	@Test
	void derivesTheJdbcUrlOfTheDatabaseTheR2dbcUrlNames() {
		ControlStoreProperties properties = ControlStoreProperties.of("r2dbc:postgresql://db.example:6543/gateway?sslMode=REQUIRE",
				"gw", "secret");
		ConnectionFactoryOptions options = ControlStoreConnector.options(properties);
		assertThat(ControlStoreConnector.jdbcUrl(properties, options))
			.isEqualTo("jdbc:postgresql://db.example:6543/gateway?connectTimeout=5&loginTimeout=5&sslmode=require");
		assertThat(options.getValue(ConnectionFactoryOptions.USER)).isEqualTo("gw");
		assertThat(options.getValue(ConnectionFactoryOptions.CONNECT_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void prefersAConfiguredJdbcUrl() {
		ControlStoreProperties properties = new ControlStoreProperties("r2dbc:postgresql://db/gateway", null, null,
				"gateway", 10, null, "jdbc:postgresql://other/gateway", true);
		assertThat(ControlStoreConnector.jdbcUrl(properties, ControlStoreConnector.options(properties)))
			.isEqualTo("jdbc:postgresql://other/gateway");
	}

	@Test
	void refusesAMissingOrForeignUrlNamingTheKey() {
		CatalogRegistry registry = CatalogRegistry.of(List.of(), List.of());
		assertThatThrownBy(() -> ControlStoreConnector.open(ControlStoreProperties.of(null, null, null), registry))
			.isInstanceOf(CatalogConfigurationException.class)
			.hasMessageContaining("catalogs.control-store.url is missing");
		assertThatThrownBy(() -> ControlStoreConnector.options(ControlStoreProperties.of("r2dbc:h2:mem:///x", null, null)))
			.isInstanceOf(CatalogConfigurationException.class)
			.hasMessageContaining("r2dbc:postgresql://");
	}

	@Test
	void defaultsTheSchemaAndRefusesOneThatIsNoIdentifier() {
		assertThat(ControlStoreProperties.of("r2dbc:postgresql://db/gateway", null, null).schema()).isEqualTo("gateway");
		assertThatIllegalArgumentException().isThrownBy(() -> new ControlStoreProperties("r2dbc:postgresql://db/x", null,
				null, "drop table", 10, null, null, true))
			.withMessageContaining("catalogs.control-store.schema");
		assertThat(ControlStoreProperties.of("r2dbc:postgresql://db/gateway", "u", "secret").toString())
			.doesNotContain("secret");
	}
}
