package io.catalogs.mongo;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MongoCatalogAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoCatalogAutoConfiguration.class));

	@Test
	void contributesTheMongoCatalogFactory() {
		this.runner.run(context -> {
			assertThat(context).hasSingleBean(CatalogFactory.class);
			MongoCatalogFactory factory = context.getBean(MongoCatalogFactory.class);
			assertThat(factory.kind()).isEqualTo("mongo");
			assertThat(factory.propertiesType()).isEqualTo(MongoCatalogProperties.class);
			assertThat(factory.supportedEntityTypes()).containsExactlyInAnyOrder(EntityTypes.CUSTOMER, EntityTypes.INVOICE);
		});
	}

	@Test
	void isListedAsAnAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(MongoCatalogAutoConfiguration.class.getName());
	}
}
