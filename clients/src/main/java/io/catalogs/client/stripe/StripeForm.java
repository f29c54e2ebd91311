package io.catalogs.client.stripe;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Builds Stripe's form-encoded bodies: flat fields plus nested maps as {@code name[key]=value}. */
final class StripeForm {

	private final MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();

	private StripeForm() {
	}

	static StripeForm create() {
		return new StripeForm();
	}

	StripeForm add(String name, Object value) {
		if (value instanceof Instant instant) {
			this.fields.add(name, Long.toString(instant.getEpochSecond()));
		}
		else if (value != null) {
			this.fields.add(name, value.toString());
		}
		return this;
	}

	StripeForm addMap(String name, Map<String, String> values) {
		if (values != null) {
			new TreeMap<>(values).forEach((key, value) -> this.fields.add(name + "[" + key + "]", value));
		}
		return this;
	}

	MultiValueMap<String, String> fields() {
		return this.fields;
	}
}
