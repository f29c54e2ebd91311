package io.catalogs.mongo;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.FieldType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MongoDocumentMapperTests {

	private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123Z");

	@Test
	void convertsEachFieldTypeToItsBsonFormAndBack() {
		UUID id = UUID.randomUUID();
		assertRoundTrip(FieldType.STRING, "text", "text");
		assertRoundTrip(FieldType.ENUM, "PAID", "PAID");
		assertRoundTrip(FieldType.ID, id, id.toString());
		assertRoundTrip(FieldType.TIMESTAMP, T0, Date.from(T0));
		assertRoundTrip(FieldType.DECIMAL, new BigDecimal("19.90"), new Decimal128(new BigDecimal("19.90")));
	}

	@Test
	void roundTripsNestedJsonWithEveryValueKind() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("city", "London");
		nested.put("none", null);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("score", 42);
		json.put("big", 3_000_000_000L);
		json.put("ratio", 1.5);
		json.put("price", new BigDecimal("9.99"));
		json.put("vip", true);
		json.put("tags", List.of("a", 7, false, List.of()));
		json.put("address", nested);

		Object bson = MongoDocumentMapper.toBson(FieldType.JSON, json);

		assertThat(bson).isInstanceOf(Document.class);
		assertThat(((Document) bson).get("price")).isEqualTo(new Decimal128(new BigDecimal("9.99")));
		assertThat(MongoDocumentMapper.fromBson(FieldType.JSON, bson)).isEqualTo(json);
	}

	@Test
	void storesBigIntegersAsLongsWhenTheyFit() {
		Map<String, Object> json = Map.of("small", BigInteger.TEN, "huge", BigInteger.TEN.pow(30));

		Document bson = (Document) MongoDocumentMapper.toBson(FieldType.JSON, json);

		assertThat(bson.get("small")).isEqualTo(10L);
		assertThat(bson.get("huge")).isEqualTo(new Decimal128(new BigDecimal(BigInteger.TEN.pow(30))));
	}

	@Test
	void rejectsValuesOfTheWrongTypeOrBeyondDecimal128() {
		assertThatIllegalArgumentException().isThrownBy(() -> MongoDocumentMapper.toBson(FieldType.ID, "not a uuid"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MongoDocumentMapper.toBson(FieldType.DECIMAL, new BigDecimal("1" + "0".repeat(40) + ".5")));
	}

	@Test
	void mapsEntitiesToDocumentsWithoutAbsentFieldsAndBack() {
		Entity customer = new Entity(EntityTypes.CUSTOMER, UUID.randomUUID(), 3, T0, T0.plusSeconds(1), true,
				Map.of("name", "Ada", "email", "ada@example.com"));

		Document document = MongoDocumentMapper.toDocument(customer);

		assertThat(document.keySet()).containsExactly("_id", "name", "email", "version", "createdAt", "updatedAt", "deleted");
		assertThat(MongoDocumentMapper.toEntity(EntityTypes.CUSTOMER, document)).isEqualTo(customer);
	}

	@Test
	void storesTheIdFieldAsUnderscoreId() {
		assertThat(MongoDocumentMapper.storedName("id")).isEqualTo("_id");
		assertThat(MongoDocumentMapper.storedName("createdAt")).isEqualTo("createdAt");
	}

	private static void assertRoundTrip(FieldType type, Object value, Object bson) {
		assertThat(MongoDocumentMapper.toBson(type, value)).as("%s to BSON", type).isEqualTo(bson);
		assertThat(MongoDocumentMapper.fromBson(type, bson)).as("%s from BSON", type).isEqualTo(value);
	}
}
