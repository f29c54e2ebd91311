package io.catalogs.gateway.graphql;

import io.catalogs.schema.EntityTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class InputValidatorTests {

	private final InputValidator validator = new InputValidator();

	@Test
	void acceptsAValidCustomer() {
		assertThatNoException().isThrownBy(() -> this.validator.validateCreate(EntityTypes.CUSTOMER,
				customer(Map.of("phone", "+1 (555) 010-2000", "metadata", Map.of("tier", "gold", "tags", List.of(1, 2))))));
	}

	@Test
	void requiresNameAndEmail() {
		assertField("name", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, Map.of("email", "a@b.co")));
		assertField("email", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, Map.of("name", "Ann")));
	}

	@Test
	void rejectsMalformedEmails() {
		for (String email : List.of("plain", "a@b", "a@@b.co", "a b@c.co", "@b.co", "a@b.co.")) {
			assertField("email", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, customer(Map.of("email", email))));
		}
		assertThatNoException().isThrownBy(() -> this.validator.validateCreate(EntityTypes.CUSTOMER,
				customer(Map.of("email", "first.last+tag@sub.example.org"))));
	}

	@Test
	void limitsLengths() {
		assertField("name", () -> this.validator.validateCreate(EntityTypes.CUSTOMER,
				customer(Map.of("name", "n".repeat(InputValidator.MAX_NAME + 1)))));
		assertThatNoException().isThrownBy(() -> this.validator.validateCreate(EntityTypes.CUSTOMER,
				customer(Map.of("name", "n".repeat(InputValidator.MAX_NAME)))));
		assertField("name", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, customer(Map.of("name", "  "))));
		assertField("email", () -> this.validator.validateCreate(EntityTypes.CUSTOMER,
				customer(Map.of("email", "a".repeat(250) + "@b.co"))));
		assertField("phone", () -> this.validator.validateCreate(EntityTypes.CUSTOMER,
				customer(Map.of("phone", "1".repeat(InputValidator.MAX_PHONE + 1)))));
	}

	@Test
	void rejectsPhonesWithLettersOrTooFewDigits() {
		assertField("phone", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, customer(Map.of("phone", "call me"))));
		assertField("phone", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, customer(Map.of("phone", "12"))));
		assertField("phone", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, customer(Map.of("phone", "12+34"))));
	}

	@Test
	void limitsMetadataSizeAndDepth() {
		assertField("metadata", () -> this.validator.validateCreate(EntityTypes.CUSTOMER,
				customer(Map.of("metadata", Map.of("blob", "x".repeat(InputValidator.MAX_METADATA_CHARS))))));
		Map<String, Object> deep = new HashMap<>();
		Map<String, Object> level = deep;
		for (int i = 0; i < InputValidator.MAX_METADATA_DEPTH; i++) {
			Map<String, Object> next = new HashMap<>();
			level.put("k", next);
			level = next;
		}
		assertField("metadata", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, customer(Map.of("metadata", deep))));
		assertField("metadata", () -> this.validator.validateCreate(EntityTypes.CUSTOMER, customer(Map.of("metadata", List.of(1)))));
	}

	@Test
	void acceptsAValidInvoice() {
		assertThatNoException().isThrownBy(() -> this.validator.validateCreate(EntityTypes.INVOICE, invoice(Map.of())));
	}

	@Test
	void requiresIsoCurrencies() {
		for (String currency : List.of("usd", "XXXX", "ABC", "")) {
			assertField("currency", () -> this.validator.validateCreate(EntityTypes.INVOICE,
					invoice(Map.of("currency", currency))));
		}
		assertThatNoException().isThrownBy(() -> this.validator.validateCreate(EntityTypes.INVOICE,
				invoice(Map.of("currency", "JPY"))));
	}

	@Test
	void requiresNonNegativeAmountsOfSaneScale() {
		assertField("amount", () -> this.validator.validateCreate(EntityTypes.INVOICE,
				invoice(Map.of("amount", new BigDecimal("-0.01")))));
		assertField("amount", () -> this.validator.validateCreate(EntityTypes.INVOICE,
				invoice(Map.of("amount", new BigDecimal("1.23456")))));
		assertField("amount", () -> this.validator.validateCreate(EntityTypes.INVOICE,
				invoice(Map.of("amount", new BigDecimal("1234567890123456")))));
		assertThatNoException().isThrownBy(() -> this.validator.validateCreate(EntityTypes.INVOICE,
				invoice(Map.of("amount", new BigDecimal("123456789012345.1200")))));
		assertThatNoException().isThrownBy(() -> this.validator.validateCreate(EntityTypes.INVOICE,
				invoice(Map.of("amount", BigDecimal.ZERO))));
	}

	@Test
	void requiresDueAtNotBeforeIssuedAt() {
		Instant issued = Instant.parse("2026-03-01T00:00:00Z");
		assertField("dueAt", () -> this.validator.validateCreate(EntityTypes.INVOICE,
				invoice(Map.of("issuedAt", issued, "dueAt", issued.minusMillis(1)))));
		assertThatNoException().isThrownBy(() -> this.validator.validateCreate(EntityTypes.INVOICE,
				invoice(Map.of("issuedAt", issued, "dueAt", issued))));
	}

	@Test
	void patchesMayNotClearRequiredFieldsButMayClearOptionalOnes() {
		Map<String, Object> clearName = new HashMap<>();
		clearName.put("name", null);
		assertField("name", () -> this.validator.validatePatch(EntityTypes.CUSTOMER, clearName));
		Map<String, Object> clearPhone = new HashMap<>();
		clearPhone.put("phone", null);
		assertThatNoException().isThrownBy(() -> this.validator.validatePatch(EntityTypes.CUSTOMER, clearPhone));
		assertField("email", () -> this.validator.validatePatch(EntityTypes.CUSTOMER, Map.of("email", "nope")));
	}

	@Test
	void needsTheStoredStateOnlyWhenAPatchSetsOneOfTheDates() {
		Instant now = Instant.now();
		assertThat(this.validator.needsCurrentState(Map.of("dueAt", now))).isTrue();
		assertThat(this.validator.needsCurrentState(Map.of("issuedAt", now))).isTrue();
		assertThat(this.validator.needsCurrentState(Map.of("issuedAt", now, "dueAt", now))).isFalse();
		assertThat(this.validator.needsCurrentState(Map.of("amount", BigDecimal.ONE))).isFalse();
		Map<String, Object> clearDue = new HashMap<>();
		clearDue.put("issuedAt", now);
		clearDue.put("dueAt", null);
		assertThat(this.validator.needsCurrentState(clearDue)).isFalse();
	}

	private static Map<String, Object> customer(Map<String, Object> overrides) {
		Map<String, Object> values = new LinkedHashMap<>(Map.of("name", "Ann Example", "email", "ann@example.com"));
		values.putAll(overrides);
		return values;
	}

	private static Map<String, Object> invoice(Map<String, Object> overrides) {
		Map<String, Object> values = new LinkedHashMap<>(Map.of("customerId", UUID.randomUUID(), "number", "INV-1",
				"amount", new BigDecimal("19.99"), "currency", "EUR", "status", "DRAFT"));
		values.putAll(overrides);
		return values;
	}

	private static void assertField(String field, ThrowingCallable call) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}
}
