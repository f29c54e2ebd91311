package io.catalogs.postgres;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresCatalogAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PostgresCatalogAutoConfiguration.class));

	@Test
	void contributesTheFactoryCountingInTheApplicationsMeterRegistry() {
		MeterRegistry registry = new SimpleMeterRegistry();
		this.runner.withBean(MeterRegistry.class, () -> registry).run(context -> {
			assertThat(context).hasSingleBean(PostgresCatalogFactory.class);
			PostgresCatalogFactory factory = context.getBean(PostgresCatalogFactory.class);
			assertThat(factory.kind()).isEqualTo("postgres");
			assertThat(factory.propertiesType()).isEqualTo(PostgresCatalogProperties.class);
			assertThat(factory.meterRegistry()).isSameAs(registry);
		});
	}

	@Test
	void countsInARegistryOfItsOwnWithoutOne() {
		this.runner.run(context -> assertThat(context.getBean(PostgresCatalogFactory.class).meterRegistry())
			.isInstanceOf(SimpleMeterRegistry.class));
	}

	@Test
	void isListedForSpringBootToFind() throws Exception {
		String imports = new String(getClass().getResourceAsStream(
				"/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").readAllBytes());
		assertThat(imports.lines()).contains(PostgresCatalogAutoConfiguration.class.getName());
	}
}
