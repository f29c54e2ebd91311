package io.catalogs.postgres;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresMigrationsTests {

	@Test
	void derivesTheJdbcUrlFromTheR2dbcUrl() {
		PostgresCatalogProperties properties = PostgresCatalogProperties.of("r2dbc:postgresql://db:6543/catalogs",
				"app", "secret");
		assertThat(PostgresMigrations.jdbcUrl(properties))
			.isEqualTo("jdbc:postgresql://db:6543/catalogs?connectTimeout=5&loginTimeout=5");
	}

	@Test
	void carriesTheSslModeAndConnectTimeoutOver() {
		PostgresCatalogProperties properties = new PostgresCatalogProperties(
				"r2dbc:postgresql://db/catalogs?sslMode=verify_full", null, null, null, Duration.ofSeconds(2), null,
				null, null);
		assertThat(PostgresMigrations.jdbcUrl(properties))
			.isEqualTo("jdbc:postgresql://db/catalogs?connectTimeout=2&loginTimeout=2&sslmode=verify-full");
	}

	@Test
	void prefersAConfiguredJdbcUrl() {
		PostgresCatalogProperties properties = new PostgresCatalogProperties("r2dbc:postgresql://db/catalogs", null,
				null, null, null, null, null, "jdbc:postgresql://primary/catalogs?ssl=true");
		assertThat(PostgresMigrations.jdbcUrl(properties)).isEqualTo("jdbc:postgresql://primary/catalogs?ssl=true");
	}
}
