package io.catalogs.api.stripe;

import io.catalogs.api.RemoteChange;
import io.catalogs.schema.EntityTypes;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Stripe webhook objects read as the catalog's collections read them. */
class StripeWebhookObjectsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aCustomerEventIsTheCustomerInFlatFormAtTheEventsTime() {
		RemoteChange change = StripeWebhookObjects.change("customer.updated", 1_700_000_000L, node("""
				{"id":"cus_1","object":"customer","name":"Ada","email":"ada@example.com","phone":null,
				 "created":1690000000,"metadata":{"gateway_id":"4f1c0e9a-0000-4000-8000-000000000001"},"livemode":false}""")).orElseThrow();

		assertThat(change.remoteId()).isEqualTo("cus_1");
		assertThat(change.modifiedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
		assertThat(change.deleted()).isFalse();
		assertThat(change.object().fields()).containsEntry("name", "Ada").containsEntry("email", "ada@example.com")
			.containsEntry("metadata.gateway_id", "4f1c0e9a-0000-4000-8000-000000000001");
	}

	@Test
	void deletionEventsAreDeletions() {
		assertThat(StripeWebhookObjects.change("customer.deleted", 1L, node("{\"id\":\"cus_2\",\"object\":\"customer\"}"))
			.orElseThrow().deleted()).isTrue();
		assertThat(StripeWebhookObjects.change("invoice.deleted", 1L, node(invoice("draft"))).orElseThrow().deleted()).isTrue();
	}

	@Test
	void anInvoiceStatusEventIsTheInvoiceWithItsStatusAndAmount() {
		RemoteChange change = StripeWebhookObjects.change("invoice.paid", 5L, node(invoice("paid"))).orElseThrow();

		assertThat(change.deleted()).isFalse();
		assertThat(change.object().fields()).containsEntry("status", "paid").containsEntry("customer", "cus_1")
			.containsEntry("metadata.gateway_number", "INV-1");
		assertThat((BigDecimal) change.object().get("amount")).isEqualByComparingTo("12.50");
		assertThat(StripeWebhookObjects.entityType("invoice.marked_uncollectible")).contains(EntityTypes.INVOICE);
	}

	@Test
	void otherEventsAreNotChanges() {
		assertThat(StripeWebhookObjects.change("invoice.upcoming", 5L, node(invoice("draft")))).isEmpty();
		assertThat(StripeWebhookObjects.change("customer.subscription.updated", 5L, node("{\"id\":\"sub_1\"}"))).isEmpty();
		assertThat(StripeWebhookObjects.change("charge.succeeded", 5L, node("{\"id\":\"ch_1\"}"))).isEmpty();
	}

	@Test
	void anObjectOfTheWrongShapeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StripeWebhookObjects.change("customer.updated", 5L, node("{\"id\":\"cus_1\",\"metadata\":[1]}")));
	}

	private static String invoice(String status) {
		return "{\"id\":\"in_1\",\"object\":\"invoice\",\"customer\":\"cus_1\",\"currency\":\"eur\",\"status\":\"" + status
				+ "\",\"amount_due\":1250,\"total\":1250,\"created\":1,\"metadata\":{\"gateway_number\":\"INV-1\"}}";
	}

	private JsonNode node(String text) {
		return this.json.readTree(text);
	}
}
