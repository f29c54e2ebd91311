package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.SyncState;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChangeEventCodecTests {

	private final ChangeEventCodec codec = ChangeEventCodec.create();

	private static final Instant NOW = Instant.parse("2025-03-04T05:06:07.891Z");

	@Test
	void roundTripsAnInvoiceWithExactDecimalsTimesAndIds() {
		UUID customerId = UUID.randomUUID();
		Entity invoice = new Entity(EntityTypes.INVOICE, UUID.randomUUID(), 7, NOW, NOW.plusSeconds(5), false,
				Map.of(Invoice.CUSTOMER_ID, customerId, Invoice.NUMBER, "INV-1", Invoice.AMOUNT,
						new BigDecimal("1234567890123.10"), Invoice.CURRENCY, "EUR", Invoice.STATUS, "OPEN",
						Invoice.ISSUED_AT, NOW, Invoice.DUE_AT, NOW.plusSeconds(86_400)));
		ChangeEvent event = new ChangeEvent(UUID.randomUUID(), ChangeOperation.UPDATE, "postgres", null, List.of(),
				NOW, invoice);

		ChangeEvent read = this.codec.read(this.codec.write(event));

		assertThat(read).isEqualTo(event);
		assertThat((BigDecimal) read.entity().get(Invoice.AMOUNT)).hasToString("1234567890123.10");
		assertThat((Object) read.entity().get(Invoice.CUSTOMER_ID)).isEqualTo(customerId);
		assertThat((Object) read.entity().get(Invoice.ISSUED_AT)).isEqualTo(NOW);
	}

	@Test
	void roundTripsACustomerWithJsonMetadataTargetsAndOrigin() {
		Map<String, Object> metadata = Map.of("tier", "gold", "score", 12, "ratio", 0.5, "tags", List.of("a", "b"),
				"nested", Map.of("on", true));
		Entity customer = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), NOW,
				Map.of(Customer.NAME, "Ada", Customer.EMAIL, "ada@example.com", Customer.METADATA, metadata));
		ChangeEvent event = new ChangeEvent(UUID.randomUUID(), ChangeOperation.SYNC, "mongo", "stripe",
				List.of("redis", "postgres"), NOW, customer);

		assertThat(this.codec.read(this.codec.writeString(event))).isEqualTo(event);
	}

	@Test
	void roundTripsATombstone() {
		Entity tombstone = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), NOW,
				Map.of(Customer.NAME, "Ada", Customer.EMAIL, "ada@example.com")).toTombstone(NOW.plusSeconds(1));
		ChangeEvent event = new ChangeEvent(UUID.randomUUID(), ChangeOperation.DELETE, "postgres", null, List.of(),
				NOW, tombstone);

		ChangeEvent read = this.codec.read(this.codec.write(event));

		assertThat(read.entity().deleted()).isTrue();
		assertThat(read.entity().version()).isEqualTo(2);
		assertThat(read).isEqualTo(event);
	}

	@Test
	void ignoresUnknownPropertiesAndAttributesAndReadsNumericDecimals() {
		UUID id = UUID.randomUUID();
		String json = """
				{"id":"%s","operation":"CREATE","source":"postgres","committedAt":"2025-03-04T05:06:07.891Z",
				 "future":{"x":1},
				 "entity":{"type":"invoice","id":"%s","version":1,"createdAt":"2025-03-04T05:06:07.891Z",
				  "updatedAt":"2025-03-04T05:06:07.891Z","extra":true,
				  "attributes":{"amount":12.5,"currency":"EUR","unknownField":"x","id":"ignored","dueAt":null}}}
				""".formatted(UUID.randomUUID(), id);

		ChangeEvent event = this.codec.read(json.getBytes(StandardCharsets.UTF_8));

		assertThat(event.origin()).isNull();
		assertThat(event.targets()).isEmpty();
		assertThat(event.entity().id()).isEqualTo(id);
		assertThat(event.entity().deleted()).isFalse();
		assertThat(event.entity().attributes()).containsOnlyKeys(Invoice.AMOUNT, Invoice.CURRENCY);
		assertThat((BigDecimal) event.entity().get(Invoice.AMOUNT)).isEqualByComparingTo("12.5");
	}

	@Test
	void refusesWhatIsNotAChangeEvent() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.read("not json"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.read("[1]"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.read("{\"id\":\"" + UUID.randomUUID()
				+ "\",\"operation\":\"CREATE\",\"source\":\"p\",\"committedAt\":\"2025-01-01T00:00:00Z\","
				+ "\"entity\":{\"type\":\"widget\",\"id\":\"" + UUID.randomUUID() + "\",\"version\":1}}"))
			.withMessageContaining("widget");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.read("{\"operation\":\"CREATE\"}"));
	}

	@Test
	void writesSyncEventRecordsWithIsoTimesAndReadsThemBack() {
		SyncEventRecordCodec records = SyncEventRecordCodec.create();
		SyncEventRecord record = new SyncEventRecord(UUID.randomUUID(), UUID.randomUUID(), "customer",
				UUID.randomUUID(), "UPDATE", 3, "postgres", "redis", null, SyncState.RETRYING, 2, "unavailable", NOW,
				NOW.plusMillis(1), NOW.plusMillis(2));

		byte[] json = records.write(record);

		assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"committedAt\":\"2025-03-04T05:06:07.891Z\"")
			.contains("\"state\":\"RETRYING\"");
		assertThat(records.read(json)).isEqualTo(record);
	}
}
