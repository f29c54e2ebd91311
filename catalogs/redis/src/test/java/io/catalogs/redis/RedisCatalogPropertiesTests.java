package io.catalogs.redis;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisCatalogPropertiesTests {

	@Test
	void missingKeysTakeTheirDefaults() {
		RedisCatalogProperties properties = new RedisCatalogProperties(null, " ", null);
		assertThat(properties.uri()).isEqualTo("redis://localhost:6379/0");
		assertThat(properties.keyPrefix()).isEqualTo("catalog");
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(RedisCatalogProperties.defaults()).isEqualTo(properties);
	}

	@Test
	void givenKeysAreKept() {
		RedisCatalogProperties properties = RedisCatalogProperties.of("redis://cache:6380/2")
			.withKeyPrefix("gw")
			.withTimeout(Duration.ofMillis(750));
		assertThat(properties).isEqualTo(new RedisCatalogProperties("redis://cache:6380/2", "gw", Duration.ofMillis(750)));
	}

	@Test
	void rejectsATimeoutThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisCatalogProperties.defaults().withTimeout(Duration.ZERO));
	}
}
