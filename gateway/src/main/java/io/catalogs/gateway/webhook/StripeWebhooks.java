package io.catalogs.gateway.webhook;

import io.catalogs.api.RemoteChange;
import io.catalogs.api.stripe.StripeWebhookObjects;
import io.catalogs.gateway.inbound.InboundOutcome.Kind;
import io.catalogs.gateway.webhook.WebhookEventStore.Receipt;
import io.catalogs.gateway.webhook.WebhookEventStore.ReceivedEvent;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.RetriableCatalogException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies verified Stripe events about customers ({@code customer.created|updated|deleted}) and
 * invoices ({@code invoice.*}) to the primary through the inbound writer, mapped by the catalog's
 * field mapping, with origin = the Stripe catalog. The event is recorded first (a redelivery of an
 * applied event is a {@code DUPLICATE}); its {@code created} is the object's modification time, and
 * an event older than what was taken in makes the current object be read and applied instead. An
 * invoice whose customer is not linked yet has its customer taken in first. Other event types are
 * acknowledged and ignored.
 */
final class StripeWebhooks {

	private final WebhookEventStore events;

	private final WebhookChanges changes;

	private final JsonMapper json = JsonMapper.builder().build();

	StripeWebhooks(WebhookEventStore events, WebhookChanges changes) {
		this.events = events;
		this.changes = changes;
	}

	/** Apply the event in {@code body} (already verified) from {@code catalog}; emits the response body. */
	Mono<Map<String, Object>> apply(String catalog, byte[] body) {
		JsonNode root = parse(body);
		String eventId = text(root, "id");
		String type = text(root, "type");
		JsonNode created = root.get("created");
		JsonNode object = root.path("data").path("object");
		if (eventId == null || type == null || created == null || !created.isIntegralNumber() || !object.isObject()) {
			return Mono.error(new WebhookRejectedException("not a Stripe event"));
		}
		Optional<EntityType> entityType = StripeWebhookObjects.entityType(type);
		Optional<RemoteChange> change;
		try {
			change = StripeWebhookObjects.change(type, created.asLong(), object);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(new WebhookRejectedException("not a Stripe event: " + ex.getMessage()));
		}
		if (entityType.isEmpty() || change.isEmpty() || !this.changes.holds(catalog, entityType.get())) {
			return Mono.just(response("IGNORED", null));
		}
		RemoteChange reported = change.get();
		ReceivedEvent event = new ReceivedEvent(catalog, eventId, type, reported.remoteId(),
				Instant.ofEpochSecond(created.asLong()));
		return this.events.receive(event).flatMap((receipt) -> (receipt == Receipt.APPLIED)
				? Mono.just(response("DUPLICATE", null))
				: apply(event, entityType.get(), reported)
					.flatMap((response) -> this.events.applied(catalog, List.of(eventId)).thenReturn(response)));
	}

	/** Applies a received event's change of {@code type}. */
	Mono<Map<String, Object>> apply(ReceivedEvent event, EntityType type, RemoteChange reported) {
		boolean invoice = type.equals(EntityTypes.INVOICE);
		Mono<Void> references = (invoice && !reported.deleted())
				? this.changes.ensureCustomer(event.catalog(), reported.object().text("customer")) : Mono.empty();
		return references.then(this.changes.apply(event.catalog(), type, reported)).handle((applied, sink) -> {
			if (invoice && applied.last().kind() == Kind.INCOMPLETE) {
				// its customer could not be taken in: left pending, retried (and redelivered by Stripe)
				sink.error(new RetriableCatalogException("the customer of invoice " + reported.remoteId()
						+ " is not taken in yet", null));
				return;
			}
			Kind first = applied.reported().kind();
			String outcome = (first == Kind.DUPLICATE) ? "OUT_OF_ORDER" : first.name();
			sink.next(response(outcome, (applied.current() != null) ? applied.current().kind().name() : null));
		});
	}

	/** Whether a recorded event type of Stripe is one this handler applies. */
	static Optional<EntityType> entityType(String eventType) {
		return StripeWebhookObjects.entityType(eventType);
	}

	private static Map<String, Object> response(String outcome, String current) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("received", true);
		response.put("outcome", outcome);
		if (current != null) {
			response.put("current", current);
		}
		return response;
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode root = this.json.readTree(body);
			if (root == null || !root.isObject()) {
				throw new WebhookRejectedException("body is not a JSON object");
			}
			return root;
		}
		catch (JacksonException ex) {
			throw new WebhookRejectedException("body is not JSON");
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}
}
