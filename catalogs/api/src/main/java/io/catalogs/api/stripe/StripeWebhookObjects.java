package io.catalogs.api.stripe;

import io.catalogs.api.RemoteChange;
import io.catalogs.client.http.JsonMappers;
import io.catalogs.client.stripe.StripeCustomer;
import io.catalogs.client.stripe.StripeEvents;
import io.catalogs.client.stripe.StripeInvoice;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The object of a Stripe webhook event ({@code data.object}) as the change the Stripe catalog's
 * collection reports for it, the same {@link RemoteChange} its change feed ({@link StripeChangeFeed})
 * makes of the Events API: the customer or invoice in flat form, the event's {@code created} as
 * the modification time, deleted for {@code *.deleted} events and gateway-deleted invoices.
 */
public final class StripeWebhookObjects {

	private StripeWebhookObjects() {
	}

	/**
	 * The entity type an event of {@code eventType} is about: customers for {@code customer.created},
	 * {@code customer.updated} and {@code customer.deleted}, invoices for {@code invoice.*} but
	 * {@code invoice.upcoming} (a future invoice without id); empty for every other type.
	 */
	public static Optional<EntityType> entityType(String eventType) {
		if (StripeEvents.CUSTOMER_TYPES.contains(eventType)) {
			return Optional.of(EntityTypes.CUSTOMER);
		}
		if (eventType.startsWith("invoice.") && !eventType.equals("invoice.upcoming")) {
			return Optional.of(EntityTypes.INVOICE);
		}
		return Optional.empty();
	}

	/**
	 * The change event {@code eventType} created at {@code created} (Unix seconds) reports for its
	 * {@code object}; empty when the type is not one of {@link #entityType} or the object has no id.
	 * @throws IllegalArgumentException if the object cannot be read as a Stripe customer or invoice
	 */
	public static Optional<RemoteChange> change(String eventType, long created, JsonNode object) {
		Instant at = Instant.ofEpochSecond(created);
		boolean deletion = eventType.endsWith(".deleted");
		try {
			return entityType(eventType).flatMap((type) -> {
				if (type.equals(EntityTypes.CUSTOMER)) {
					StripeCustomer customer = JsonMappers.vendor().treeToValue(object, StripeCustomer.class);
					return (customer.id() == null) ? Optional.empty()
							: Optional.of(new RemoteChange(StripeCustomerCollection.toRemote(customer), at,
									deletion || customer.deleted()));
				}
				StripeInvoice invoice = JsonMappers.vendor().treeToValue(object, StripeInvoice.class);
				return (invoice.id() == null) ? Optional.empty()
						: Optional.of(new RemoteChange(StripeInvoiceFields.toRemote(invoice), at,
								deletion || !StripeInvoiceFields.live(invoice)));
			});
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the object of a " + eventType + " event is not readable");
		}
	}
}
