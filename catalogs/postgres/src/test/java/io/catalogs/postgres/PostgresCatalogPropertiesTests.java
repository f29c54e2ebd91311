package io.catalogs.postgres;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PostgresCatalogPropertiesTests {

	@Test
	void bindsKebabCaseKeysAndDefaultsTheRest() {
		PostgresCatalogProperties properties = bind(Map.of("url", "r2dbc:postgresql://db:5432/catalogs",
				"username", "app", "password", "secret", "statement-timeout", "3s", "pool.max-size", "4",
				"kind", "postgres", "role", "primary"));
		assertThat(properties.url()).isEqualTo("r2dbc:postgresql://db:5432/catalogs");
		assertThat(properties.username()).isEqualTo("app");
		assertThat(properties.statementTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.pool().maxSize()).isEqualTo(4);
		assertThat(properties.schema()).isEqualTo("public");
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.pool().maxIdleTime()).isEqualTo(Duration.ofMinutes(30));
		assertThat(properties.pool().maxAcquireTime()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.jdbcUrl()).isNull();
	}

	@Test
	void defaultsThePoolWhenNoPoolKeyIsGiven() {
		PostgresCatalogProperties properties = bind(Map.of("url", "r2dbc:postgresql://db/catalogs"));
		assertThat(properties.pool()).isEqualTo(PostgresCatalogProperties.Pool.defaults());
		assertThat(properties.pool().maxSize()).isEqualTo(10);
	}

	@Test
	void refusesSchemaNamesThatAreNotPlainIdentifiers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PostgresCatalogProperties.of("r2dbc:postgresql://db/x", null, null).withSchema("a\"; drop"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PostgresCatalogProperties.Pool(0, null, null));
	}

	@Test
	void keepsThePasswordOutOfItsTextForm() {
		assertThat(PostgresCatalogProperties.of("r2dbc:postgresql://db/x", "app", "s3cret")).asString()
			.contains("app")
			.doesNotContain("s3cret");
	}

	private static PostgresCatalogProperties bind(Map<String, String> keys) {
		return new Binder(new MapConfigurationPropertySource(keys))
			.bind("", Bindable.of(PostgresCatalogProperties.class))
			.get();
	}
}
