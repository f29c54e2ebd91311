package io.catalogs.gateway.sync.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCopyTests {

	@Test
	void comparesNumbersByValueAndCollectionsDeeply() {
		assertThat(CatalogCopy.sameValue(1, 1L)).isTrue();
		assertThat(CatalogCopy.sameValue(new BigDecimal("10.00"), 10.0)).isTrue();
		assertThat(CatalogCopy.sameValue(1, 2)).isFalse();
		assertThat(CatalogCopy.sameValue(Double.NaN, Double.NaN)).isTrue();
		assertThat(CatalogCopy.sameValue(Map.of("a", List.of(1, Map.of("b", 2))), Map.of("a", List.of(1L, Map.of("b", 2.0)))))
			.isTrue();
		assertThat(CatalogCopy.sameValue(Map.of("a", 1), Map.of("b", 1))).isFalse();
		assertThat(CatalogCopy.sameValue(List.of(1, 2), List.of(1))).isFalse();
		assertThat(CatalogCopy.sameValue(null, "x")).isFalse();
		assertThat(CatalogCopy.sameValue(null, null)).isTrue();
	}
}
