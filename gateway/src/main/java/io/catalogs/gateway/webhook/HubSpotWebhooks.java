package io.catalogs.gateway.webhook;

import io.catalogs.gateway.webhook.WebhookEventStore.Receipt;
import io.catalogs.gateway.webhook.WebhookEventStore.ReceivedEvent;
import io.catalogs.schema.EntityTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes verified HubSpot webhook deliveries: a JSON array of events ({@code eventId},
 * {@code subscriptionType}, {@code objectId}, {@code occurredAt}). Each {@code contact.*} event is
 * recorded in {@code webhook_events} before the answer (a redelivered event that was applied is a
 * duplicate); then, after the answer, the current state of each contact concerned is read from
 * HubSpot once and applied through the inbound writer (a deleted contact as deleted), and its
 * events noted applied. What fails stays pending and is retried in the background. Events about
 * other objects are acknowledged and ignored.
 */
final class HubSpotWebhooks {

	private static final Logger logger = LoggerFactory.getLogger(HubSpotWebhooks.class);

	private static final Set<String> DELETIONS = Set.of("contact.deletion", "contact.privacyDeletion");

	private final WebhookEventStore events;

	private final WebhookChanges changes;

	private final JsonMapper json = JsonMapper.builder().build();

	HubSpotWebhooks(WebhookEventStore events, WebhookChanges changes) {
		this.events = events;
		this.changes = changes;
	}

	/** Records the events in {@code body} (already verified) and starts applying them; emits the response body. */
	Mono<Map<String, Object>> receive(String catalog, byte[] body) {
		List<ReceivedEvent> contacts = new ArrayList<>();
		int ignored = 0;
		boolean contactsHeld = this.changes.holds(catalog, EntityTypes.CUSTOMER);
		for (JsonNode node : parse(body)) {
			ReceivedEvent event = event(catalog, node);
			if (contactsHeld && event.type().startsWith("contact.")) {
				contacts.add(event);
			}
			else {
				ignored++;
			}
		}
		int others = ignored;
		return Flux.fromIterable(contacts)
			.concatMap((event) -> this.events.receive(event).map((receipt) -> Map.entry(event, receipt)))
			.collectList()
			.map((receipts) -> {
				List<ReceivedEvent> toApply = receipts.stream().filter((r) -> r.getValue() != Receipt.APPLIED)
					.map(Map.Entry::getKey).toList();
				apply(catalog, toApply).subscribe(null, (ex) -> logger.warn(
						"Applying HubSpot events to '{}' failed, retried later: {}", catalog, ex.toString()));
				Map<String, Object> response = new LinkedHashMap<>();
				response.put("received", true);
				response.put("accepted", toApply.size());
				response.put("duplicates", receipts.size() - toApply.size());
				response.put("ignored", others);
				return response;
			});
	}

	/**
	 * Applies received events of {@code catalog}: the current state of each contact once (deleted
	 * when the contact's newest event is a deletion and HubSpot holds it no more), then notes the
	 * events applied. Completes with the first failure; the contacts before it stay applied.
	 */
	Mono<Void> apply(String catalog, List<ReceivedEvent> received) {
		Map<String, List<ReceivedEvent>> byObject = new LinkedHashMap<>();
		received.forEach((event) -> byObject.computeIfAbsent(event.objectId(), (id) -> new ArrayList<>()).add(event));
		return Flux.fromIterable(byObject.entrySet()).concatMap((entry) -> {
			ReceivedEvent newest = entry.getValue().stream().max(Comparator.comparing(ReceivedEvent::created)).orElseThrow();
			return this.changes.current(catalog, EntityTypes.CUSTOMER, entry.getKey(), deletion(newest.type()),
					newest.created())
				.then(this.events.applied(catalog, entry.getValue().stream().map(ReceivedEvent::eventId).toList()));
		}).then();
	}

	static boolean deletion(String subscriptionType) {
		return DELETIONS.contains(subscriptionType);
	}

	private ReceivedEvent event(String catalog, JsonNode node) {
		String eventId = id(node.get("eventId"));
		String objectId = id(node.get("objectId"));
		JsonNode type = node.get("subscriptionType");
		JsonNode occurredAt = node.get("occurredAt");
		if (eventId == null || objectId == null || type == null || !type.isString() || occurredAt == null
				|| !occurredAt.isIntegralNumber()) {
			throw new WebhookRejectedException("not a HubSpot event");
		}
		return new ReceivedEvent(catalog, eventId, type.asString(), objectId, Instant.ofEpochMilli(occurredAt.asLong()));
	}

	private static String id(JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber()) {
			return value.asString();
		}
		return (value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode root = this.json.readTree(body);
			if (root == null || !root.isArray() || root.isEmpty()) {
				throw new WebhookRejectedException("body is not a JSON array of events");
			}
			for (JsonNode node : root) {
				if (!node.isObject()) {
					throw new WebhookRejectedException("body is not a JSON array of events");
				}
			}
			return root;
		}
		catch (JacksonException ex) {
			throw new WebhookRejectedException("body is not JSON");
		}
	}
}
