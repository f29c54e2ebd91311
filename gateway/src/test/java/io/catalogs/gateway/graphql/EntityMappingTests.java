package io.catalogs.gateway.graphql;

import io.catalogs.schema.EntityType;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Sort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EntityMappingTests {

	private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");

	@Test
	void mapsEveryCustomerFilterToItsCondition() {
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("email", "a@example.com");
		filter.put("nameContains", "ann");
		filter.put("updatedAfter", T1);
		filter.put("updatedBefore", T2);
		assertThat(EntityMappings.CUSTOMER.conditions(filter)).containsExactlyInAnyOrder(
				Condition.eq("email", "a@example.com"), Condition.contains("name", "ann"),
				Condition.gt(EntityType.UPDATED_AT, T1), Condition.lt(EntityType.UPDATED_AT, T2));
	}

	@Test
	void mapsEveryInvoiceFilterToItsConditionWithFieldTypes() {
		UUID customerId = UUID.randomUUID();
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("status", "PAID");
		filter.put("customerId", customerId.toString());
		filter.put("issuedAfter", T1);
		filter.put("issuedBefore", T2);
		filter.put("amountMin", new BigDecimal("10"));
		filter.put("amountMax", new BigDecimal("20.5"));
		assertThat(EntityMappings.INVOICE.conditions(filter)).containsExactlyInAnyOrder(Condition.eq("status", "PAID"),
				Condition.eq("customerId", customerId), Condition.gt("issuedAt", T1), Condition.lt("issuedAt", T2),
				Condition.gte("amount", new BigDecimal("10")), Condition.lte("amount", new BigDecimal("20.5")));
	}

	@Test
	void skipsAbsentAndNullFilterFields() {
		Map<String, Object> filter = new HashMap<>();
		filter.put("email", null);
		assertThat(EntityMappings.CUSTOMER.conditions(filter)).isEmpty();
		assertThat(EntityMappings.CUSTOMER.conditions(null)).isEmpty();
	}

	@Test
	void rejectsMalformedIdInFilterNamingTheField() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> EntityMappings.INVOICE.conditions(Map.of("customerId", "nope")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("filter.customerId"));
	}

	@Test
	void mapsOrderEnumsToFieldsAndDirections() {
		assertThat(EntityMappings.INVOICE.sort(Map.of("field", "ISSUED_AT", "direction", "DESC")))
			.isEqualTo(Sort.desc("issuedAt"));
		assertThat(EntityMappings.CUSTOMER.sort(Map.of("field", "NAME", "direction", "ASC"))).isEqualTo(Sort.asc("name"));
		assertThat(EntityMappings.CUSTOMER.sort(Map.of("field", "UPDATED_AT"))).isEqualTo(Sort.asc("updatedAt"));
		assertThat(EntityMappings.CUSTOMER.sort(null)).isEqualTo(Sort.DEFAULT);
	}

	@Test
	void rejectsOrderByAFieldTheTypeLacks() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> EntityMappings.CUSTOMER.sort(Map.of("field", "AMOUNT")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("orderBy.field"));
	}

	@Test
	void generatesInvoiceNumbersWithDateAndRandomSuffix() {
		String number = EntityMappings.invoiceNumber(Instant.parse("2026-01-31T23:59:59Z"));
		assertThat(number).matches("INV-20260131-[2-9A-HJ-NP-Z]{6}");
		assertThat(EntityMappings.invoiceNumber(T1)).isNotEqualTo(EntityMappings.invoiceNumber(T1));
	}

	@Test
	void defaultsInvoicesToDraftWithANumber() {
		assertThat(EntityMappings.INVOICE.defaults().apply(T1)).containsEntry("status", "DRAFT")
			.containsKey("number");
		assertThat(EntityMappings.CUSTOMER.defaults().apply(T1)).isEmpty();
	}
}
