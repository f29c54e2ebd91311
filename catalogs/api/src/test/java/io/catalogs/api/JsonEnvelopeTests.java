package io.catalogs.api;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonEnvelopeTests {

	@Test
	void packsPresentValuesAndUnpacksThemBack() {
		Map<String, Object> values = new HashMap<>();
		values.put("id", "1b4e28ba");
		values.put("metadata", "{\"tier\":\"gold\"}");
		values.put("phone", null);
		String text = JsonEnvelope.pack(values);
		assertThat(text).isEqualTo("{\"id\":\"1b4e28ba\",\"metadata\":\"{\\\"tier\\\":\\\"gold\\\"}\"}");
		assertThat(JsonEnvelope.unpack(text)).containsOnly(Map.entry("id", "1b4e28ba"), Map.entry("metadata", "{\"tier\":\"gold\"}"));
	}

	@Test
	void freeTextWrittenByPeopleHoldsNothing() {
		assertThat(JsonEnvelope.unpack("Call before noon")).isEmpty();
		assertThat(JsonEnvelope.unpack(null)).isEmpty();
		assertThat(JsonEnvelope.pack(Map.of())).isNull();
	}

	@Test
	void selectsTheKeysBelowAField() {
		Map<String, Object> fields = new HashMap<>();
		fields.put("Notes.id", "x");
		fields.put("Notes.version", null);
		fields.put("DisplayName", "Ada");
		assertThat(JsonEnvelope.below("Notes", fields)).containsOnlyKeys("id", "version");
	}
}
