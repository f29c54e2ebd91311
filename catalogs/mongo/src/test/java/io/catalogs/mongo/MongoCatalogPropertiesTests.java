package io.catalogs.mongo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MongoCatalogPropertiesTests {

	@Test
	void defaultsEveryKey() {
		MongoCatalogProperties properties = MongoCatalogProperties.defaults();

		assertThat(properties.uri()).isEqualTo("mongodb://localhost:27017/catalogs");
		assertThat(properties.serverSelectionTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void bindsFromKebabCaseKeysIgnoringTheCommonOnes() {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
				"catalogs.instances.mongo.kind", "mongo", "catalogs.instances.mongo.role", "secondary",
				"catalogs.instances.mongo.uri", "mongodb://mongo:27017/shop",
				"catalogs.instances.mongo.server-selection-timeout", "500ms",
				"catalogs.instances.mongo.read-timeout", "0s"));

		MongoCatalogProperties properties = new Binder(source)
			.bindOrCreate("catalogs.instances.mongo", MongoCatalogProperties.class);

		assertThat(properties.database()).isEqualTo("shop");
		assertThat(properties.serverSelectionTimeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.readTimeout()).isZero();
	}

	@Test
	void rejectsNonPositiveTimeoutsNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MongoCatalogProperties(null, Duration.ZERO, null, null))
			.withMessageContaining("server-selection-timeout");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MongoCatalogProperties(null, null, Duration.ofSeconds(-1), null))
			.withMessageContaining("connect-timeout");
		assertThat(new MongoCatalogProperties(null, null, null, Duration.ZERO).readTimeout()).isZero();
	}

	@Test
	void takesTheDatabaseFromTheUriOrDefaultsIt() {
		assertThat(MongoCatalogProperties.of("mongodb://db:27017/shop").database()).isEqualTo("shop");
		assertThat(MongoCatalogProperties.of("mongodb://db:27017").database()).isEqualTo("catalogs");
		assertThat(MongoCatalogProperties.of("mongodb://db:27017/?replicaSet=rs0").database()).isEqualTo("catalogs");
	}

	@Test
	void hidesCredentialsInItsTextForm() {
		assertThat(MongoCatalogProperties.of("mongodb://app:s3cret@db:27017/shop").toString())
			.contains("db:27017", "shop")
			.doesNotContain("s3cret");
	}

	@Test
	void appliesTheTimeoutsToTheDriverUnlessTheUriSetsThem() {
		MongoClientSettings plain = MongoCatalogFactory.settings(new MongoCatalogProperties("mongodb://db/shop",
				Duration.ofMillis(1500), Duration.ofMillis(700), Duration.ofSeconds(3)));
		MongoClientSettings overridden = MongoCatalogFactory.settings(new MongoCatalogProperties(
				"mongodb://db/shop?serverSelectionTimeoutMS=9000&connectTimeoutMS=8000", Duration.ofMillis(1500),
				Duration.ofMillis(700), Duration.ofSeconds(3)));

		assertThat(plain.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1500);
		assertThat(plain.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(700);
		assertThat(plain.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3000);
		assertThat(overridden.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(9000);
		assertThat(overridden.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(8000);
	}
}
