package io.catalogs.postgres;

import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.Parameter;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TableMappingTests {

	private final TableMapping customers = TableMapping.of(EntityTypes.CUSTOMER, "public", "customers",
			JsonMapper.builder().build());

	@Test
	void columnsAreTheSnakeCaseOfFieldNames() {
		assertThat(TableMapping.columnName("customerId")).isEqualTo("customer_id");
		assertThat(TableMapping.columnName("createdAt")).isEqualTo("created_at");
		assertThat(TableMapping.columnName("name")).isEqualTo("name");
		TableMapping invoices = TableMapping.of(EntityTypes.INVOICE, "public", "invoices", JsonMapper.builder().build());
		assertThat(invoices.columns()).containsExactly("\"id\"", "\"version\"", "\"created_at\"", "\"updated_at\"",
				"\"deleted\"", "\"customer_id\"", "\"number\"", "\"amount\"", "\"currency\"", "\"status\"",
				"\"issued_at\"", "\"due_at\"");
	}

	@Test
	void bindsJsonAsJsonbAndTruncatesTimestamps() {
		Object json = this.customers.toDatabase(EntityTypes.CUSTOMER.field("metadata"), Map.of("tier", "gold"));
		assertThat(json).isInstanceOf(Json.class);
		assertThat(((Json) json).asString()).isEqualTo("{\"tier\":\"gold\"}");
		Object at = this.customers.toDatabase(EntityTypes.CUSTOMER.field("createdAt"),
				Instant.parse("2024-01-01T00:00:00.123456Z"));
		assertThat(at).isEqualTo(Instant.parse("2024-01-01T00:00:00.123Z"));
	}

	@Test
	void keepsDecimalScaleAndTypesMissingValues() {
		TableMapping invoices = TableMapping.of(EntityTypes.INVOICE, "public", "invoices", JsonMapper.builder().build());
		assertThat(invoices.toDatabase(EntityTypes.INVOICE.field(Invoice.AMOUNT), new BigDecimal("19.90")))
			.hasToString("19.90");
		Parameter missing = invoices.parameter(EntityTypes.INVOICE.field(Invoice.ISSUED_AT), null);
		assertThat(missing.isEmpty()).isTrue();
		assertThat(missing.getType()).isEqualTo(Instant.class);
	}

	@Test
	void refusesWritesToSystemAndUnknownFields() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.customers.attribute("version"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.customers.attribute("createdAt"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.customers.column("nope"));
		assertThat(this.customers.attribute("email").name()).isEqualTo("email");
	}

	@Test
	void everyHeldTypeHasATable() {
		assertThat(PostgresTables.supportedTypes()).containsExactlyInAnyOrderElementsOf(EntityTypes.all());
	}
}
