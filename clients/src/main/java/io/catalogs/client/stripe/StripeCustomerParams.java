package io.catalogs.client.stripe;

import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The fields of a customer create or update. {@code null} fields are not sent (an update leaves
 * them as they are); an empty string clears a field; a metadata key with an empty value is removed.
 *
 * @param name the full name
 * @param email the email address
 * @param phone the phone number
 * @param metadata string pairs (keys up to 40 characters, values up to 500)
 */
public record StripeCustomerParams(String name, String email, String phone, Map<String, String> metadata) {

	MultiValueMap<String, String> form() {
		return StripeForm.create()
			.add("name", this.name)
			.add("email", this.email)
			.add("phone", this.phone)
			.addMap("metadata", this.metadata)
			.fields();
	}
}
