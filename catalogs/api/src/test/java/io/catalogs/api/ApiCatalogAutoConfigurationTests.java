package io.catalogs.api;

import io.catalogs.api.hubspot.HubSpotCatalogFactory;
import io.catalogs.api.mapping.InvalidMappingException;
import io.catalogs.api.quickbooks.QuickBooksCatalogFactory;
import io.catalogs.api.salesforce.SalesforceCatalogFactory;
import io.catalogs.api.stripe.StripeCatalogFactory;
import io.catalogs.api.stripe.StripeCatalogProperties;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogFactory;
import io.catalogs.spi.CatalogRole;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.Operator;
import io.catalogs.spi.PageRequest;
import io.catalogs.tck.SampleEntities;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiCatalogAutoConfigurationTests {

	private static final CatalogDefinition BILLING = new CatalogDefinition("billing", "stripe", CatalogRole.SECONDARY,
			Set.of(EntityTypes.CUSTOMER));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiCatalogAutoConfiguration.class));

	@Test
	void contributesAFactoryPerVendor() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(StripeCatalogFactory.class).hasSingleBean(HubSpotCatalogFactory.class)
				.hasSingleBean(SalesforceCatalogFactory.class).hasSingleBean(QuickBooksCatalogFactory.class);
			Map<String, CatalogFactory<?>> byKind = context.getBeansOfType(CatalogFactory.class).values().stream()
				.collect(Collectors.toMap(CatalogFactory::kind, (factory) -> factory));
			assertThat(byKind).containsOnlyKeys("stripe", "hubspot", "salesforce", "quickbooks");
			byKind.forEach((kind, factory) -> assertThat(factory.supportedEntityTypes()).containsExactlyInAnyOrderElementsOf(
					kind.equals("hubspot") ? Set.of(EntityTypes.CUSTOMER) : Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE)));
		});
	}

	@Test
	void bindsKebabCaseKeysAndMappingOverridesFromYaml() throws IOException {
		StripeCatalogProperties properties = bindYaml("catalogs.instances.billing", StripeCatalogProperties.class);
		assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
		assertThat(properties.apiKey()).isEqualTo("sk_test_yaml");
		assertThat(properties.webhookSecret()).isEqualTo("whsec_x");
		assertThat(properties.timeout()).isEqualTo(Duration.ofMillis(750));
		assertThat(properties.rateLimit().limitForPeriod()).isEqualTo(7);
		assertThat(properties.rateLimit().period()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.readCache().enabled()).isFalse();
		assertThat(properties.readCache().ttl()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.readCache().maxSize()).isEqualTo(10_000L);
		assertThat(properties.listing().pageSize()).isEqualTo(50);
		assertThat(properties.listing().maxScan()).isEqualTo(20);
		assertThat(properties.mapping()).containsOnlyKeys("customer");
		assertThat(properties.mapping().get("customer").values())
			.anySatisfy((field) -> assertThat(field.transform()).containsExactly("trim", "lower-case"))
			.anySatisfy((field) -> assertThat(field.path()).containsExactly("metadata.created"))
			.anySatisfy((field) -> assertThat(field.defaultValue()).isEqualTo("+1 000"));
	}

	@Test
	void missingKeysTakeTheirDefaults() {
		StripeCatalogProperties properties = bind(Map.of("catalogs.instances.billing.api-key", "sk_test_x"));
		assertThat(properties.readCache()).isEqualTo(ReadCacheProperties.defaults());
		assertThat(properties.readCache().enabled()).isTrue();
		assertThat(properties.listing()).isEqualTo(ListingProperties.defaults());
		assertThat(properties.mapping()).isEmpty();
	}

	@Test
	void createsACatalogWithTheConfiguredMappingWhileTheVendorIsUnreachable() throws IOException {
		StripeCatalogProperties properties = bindYaml("catalogs.instances.billing", StripeCatalogProperties.class);
		Catalog catalog = new StripeCatalogFactory().create(BILLING, properties);
		assertThat(catalog.definition()).isEqualTo(BILLING);
		assertThat(catalog.capabilities()).containsExactly(Capability.filter(EntityTypes.CUSTOMER, "email", Operator.EQ));
		StepVerifier.create(catalog.ping()).expectError(CatalogUnavailableException.class).verify(Duration.ofSeconds(20));
	}

	@Test
	void anInvalidMappingFailsCreationNamingTheKey() {
		Map<String, String> source = new HashMap<>(Map.of("catalogs.instances.billing.api-key", "sk_test_x",
				"catalogs.instances.billing.base-url", "http://127.0.0.1:9"));
		source.put("catalogs.instances.billing.mapping.customer.phone.path", "phon");
		StripeCatalogProperties properties = bind(source);
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> new StripeCatalogFactory().create(BILLING, properties))
			.withMessageStartingWith("catalogs.instances.billing.mapping.customer.phone.path: 'phon' is not a path of a Stripe customer");
	}

	@Test
	void aMissingCredentialFailsCreationNamingTheKey() {
		StripeCatalogProperties properties = bind(Map.of("catalogs.instances.billing.base-url", "http://127.0.0.1:9"));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new StripeCatalogFactory().create(BILLING, properties))
			.withMessage("catalogs.instances.billing.api-key is missing");
	}

	@Test
	void createsWhileNothingListensAndReportsUnavailable() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		Map<String, String> source = new HashMap<>(Map.of("catalogs.instances.billing.api-key", "sk_test_x",
				"catalogs.instances.billing.base-url", "http://127.0.0.1:" + closed,
				"catalogs.instances.billing.retry.max-attempts", "1"));
		Catalog catalog = new StripeCatalogFactory().create(BILLING, bind(source));
		StepVerifier.create(catalog.get(EntityTypes.CUSTOMER, SampleEntities.id("c1"))).verifyComplete();
		StepVerifier.create(catalog.list(EntityTypes.CUSTOMER, PageRequest.first(5)))
			.expectError(CatalogUnavailableException.class).verify(Duration.ofSeconds(20));
	}

	private static StripeCatalogProperties bind(Map<String, String> source) {
		return new Binder(new MapConfigurationPropertySource(source))
			.bindOrCreate("catalogs.instances.billing", Bindable.of(StripeCatalogProperties.class));
	}

	private static <T> T bindYaml(String prefix, Class<T> type) throws IOException {
		var sources = new YamlPropertySourceLoader().load("test", new ClassPathResource("catalogs-api-test.yml"));
		return new Binder(ConfigurationPropertySources.from(sources)).bind(prefix, type).get();
	}

}
