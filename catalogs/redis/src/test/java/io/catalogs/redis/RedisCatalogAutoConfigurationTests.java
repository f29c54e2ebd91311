package io.catalogs.redis;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;
import io.catalogs.spi.CatalogRole;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.Operator;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCatalogAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisCatalogAutoConfiguration.class));

	@Test
	void contributesTheRedisFactory() {
		this.runner.run(context -> {
			assertThat(context).hasSingleBean(RedisCatalogFactory.class);
			CatalogFactory<?> factory = context.getBean(CatalogFactory.class);
			assertThat(factory.kind()).isEqualTo("redis");
			assertThat(factory.propertiesType()).isEqualTo(RedisCatalogProperties.class);
			assertThat(factory.supportedEntityTypes()).containsExactlyInAnyOrder(EntityTypes.CUSTOMER, EntityTypes.INVOICE);
		});
	}

	@Test
	void bindsKebabCaseKeysAndIgnoresTheCommonOnes() {
		Map<String, String> source = Map.of("catalogs.instances.cache.kind", "redis",
				"catalogs.instances.cache.role", "secondary", "catalogs.instances.cache.uri", "redis://cache:6379/3",
				"catalogs.instances.cache.key-prefix", "gw", "catalogs.instances.cache.timeout", "750ms");
		RedisCatalogProperties properties = new Binder(new MapConfigurationPropertySource(source))
			.bind("catalogs.instances.cache", RedisCatalogProperties.class)
			.get();
		assertThat(properties).isEqualTo(new RedisCatalogProperties("redis://cache:6379/3", "gw", Duration.ofMillis(750)));
	}

	@Test
	void createsACatalogWhileNothingListensThatReportsItselfUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		CatalogDefinition definition = new CatalogDefinition("cache", "redis", CatalogRole.SECONDARY,
				Set.of(EntityTypes.CUSTOMER));
		Catalog catalog = new RedisCatalogFactory().create(definition,
				RedisCatalogProperties.of("redis://127.0.0.1:" + closedPort + "/0").withTimeout(Duration.ofMillis(500)));
		try {
			assertThat(catalog.definition()).isEqualTo(definition);
			assertThat(catalog.capabilities()).contains(Capability.BACKWARD_PAGING,
					Capability.filter(EntityTypes.CUSTOMER, "email", Operator.EQ),
					Capability.sort(EntityTypes.CUSTOMER, "updatedAt"))
				.doesNotContain(Capability.TRANSACTIONS, Capability.filter(EntityTypes.CUSTOMER, "name", Operator.CONTAINS),
						Capability.sort(EntityTypes.CUSTOMER, "name"), Capability.sort(EntityTypes.INVOICE, "amount"));
			StepVerifier.create(catalog.ping()).expectError(CatalogUnavailableException.class).verify(Duration.ofSeconds(5));
		}
		finally {
			catalog.close().block();
		}
	}
}
