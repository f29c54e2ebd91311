package io.catalogs.gateway.pull;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PullPropertiesTests {

	@Test
	void bindsDefaults() {
		PullProperties properties = bind(Map.of());

		assertThat(properties.enabled()).isTrue();
		assertThat(properties.interval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.initialDelay()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.batchSize()).isEqualTo(200);
		assertThat(properties.concurrency()).isEqualTo(8);
		assertThat(properties.overlap()).isZero();
		assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.enabled("salesforce")).isTrue();
	}

	@Test
	void perCatalogKeysOverrideOnlyWhatTheySet() {
		PullProperties properties = bind(Map.of("catalogs.pull.interval", "30s", "catalogs.pull.batch-size", "500",
				"catalogs.pull.catalogs.salesforce.interval", "5m", "catalogs.pull.catalogs.sandbox.enabled", "false"));

		assertThat(properties.batchSize()).isEqualTo(500);
		assertThat(properties.interval("salesforce")).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.enabled("salesforce")).isTrue();
		assertThat(properties.interval("sandbox")).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.enabled("sandbox")).isFalse();
		assertThat(properties.interval("other")).isEqualTo(Duration.ofSeconds(30));
	}

	private static PullProperties bind(Map<String, String> keys) {
		return new Binder(new MapConfigurationPropertySource(keys)).bindOrCreate("catalogs.pull", PullProperties.class);
	}
}
