package io.catalogs.client.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyKeyTests {

	@Test
	void theSameEventAlwaysGivesTheSameKey() {
		IdempotencyKey key = IdempotencyKey.forEvent("customer", "6f1c", 3, "create");
		assertThat(IdempotencyKey.forEvent("customer", "6f1c", 3, "create")).isEqualTo(key);
		assertThat(key.value()).startsWith("catalogs-").hasSizeLessThanOrEqualTo(50);
	}

	@Test
	void anotherVersionOperationOrStepGivesAnotherKey() {
		IdempotencyKey key = IdempotencyKey.forEvent("customer", "6f1c", 3, "create");
		assertThat(IdempotencyKey.forEvent("customer", "6f1c", 4, "create")).isNotEqualTo(key);
		assertThat(IdempotencyKey.forEvent("customer", "6f1c", 3, "update")).isNotEqualTo(key);
		assertThat(IdempotencyKey.forEvent("invoice", "6f1c", 3, "create")).isNotEqualTo(key);
		assertThat(key.step("item")).isNotEqualTo(key).isEqualTo(key.step("item")).isNotEqualTo(key.step("invoice"));
	}

	@Test
	void rejectsKeysLongerThanTheSmallestVendorLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.of("x".repeat(51)));
		assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.of(" "));
	}
}
