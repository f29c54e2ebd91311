package io.catalogs.gateway.webhook;

import io.catalogs.api.ApiLinkStore;
import io.catalogs.gateway.sync.ChangeRecorder;
import io.catalogs.gateway.webhook.WebhookEventStore.Outcome;
import io.catalogs.gateway.webhook.WebhookEventStore.ReceivedEvent;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.Condition;
import io.catalogs.spi.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies verified Stripe events ({@code customer.created}, {@code customer.updated},
 * {@code customer.deleted}) to the customers' primary as writes with origin = the Stripe catalog.
 * The customer is found through the catalog's link (Stripe id → entity id), else by email in the
 * primary (and then linked), else created (and linked). Stripe's {@code name}, {@code email} and
 * {@code phone} map to the same fields; metadata is not copied (Stripe's holds the gateway's own
 * keys). Other event types are acknowledged and ignored.
 */
final class StripeCustomerEvents {

	private final CatalogRegistry registry;

	private final ApiLinkStore links;

	private final ChangeRecorder recorder;

	private final WebhookEventStore events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	StripeCustomerEvents(CatalogRegistry registry, ApiLinkStore links, ChangeRecorder recorder,
			WebhookEventStore events, Clock clock) {
		this.registry = registry;
		this.links = links;
		this.recorder = recorder;
		this.events = events;
		this.clock = clock;
	}

	/** Apply the event in {@code body} (already verified) from {@code catalog}; emits what was done. */
	Mono<Outcome.Kind> apply(String catalog, byte[] body) {
		JsonNode root = parse(body);
		String eventId = text(root, "id");
		String type = text(root, "type");
		JsonNode created = root.get("created");
		JsonNode object = root.path("data").path("object");
		if (eventId == null || type == null || created == null || !created.isIntegralNumber() || !object.isObject()) {
			return Mono.error(new WebhookRejectedException("not a Stripe event"));
		}
		if (!type.startsWith("customer.") || !"customer".equals(text(object, "object")) || text(object, "id") == null) {
			return Mono.just(Outcome.Kind.IGNORED);
		}
		ReceivedEvent event = new ReceivedEvent(catalog, eventId, type, text(object, "id"),
				Instant.ofEpochSecond(created.asLong()));
		Outcome outcome = new Outcome();
		Catalog primary = this.registry.primary(EntityTypes.CUSTOMER);
		ChangeRecorder.Inbound inbound = new ChangeRecorder.Inbound(catalog, this.events.guard(event, outcome));
		Map<String, Object> fields = fields(object);
		boolean deleted = type.equals("customer.deleted");
		return held(catalog, primary, event.objectId(), (String) fields.get(Customer.EMAIL))
			.flatMap((held) -> write(primary, held.orElse(null), fields, deleted, inbound))
			.flatMap((written) -> written.deleted() ? Mono.just(written) : link(catalog, event, written))
			.switchIfEmpty(Mono.defer(() -> (outcome.kind() == Outcome.Kind.NONE)
					? this.events.recordOnly(event, outcome).then(Mono.empty()) : Mono.empty()))
			.then(Mono.fromSupplier(outcome::kind));
	}

	private Mono<Entity> link(String catalog, ReceivedEvent event, Entity written) {
		return this.links.link(catalog, EntityTypes.CUSTOMER, written.id(), event.objectId()).thenReturn(written);
	}

	/** The write, or empty when there is nothing to write (no change, nothing held to delete, too little to create). */
	private Mono<Entity> write(Catalog primary, Entity held, Map<String, Object> fields, boolean deleted,
			ChangeRecorder.Inbound inbound) {
		Instant now = this.clock.instant();
		if (deleted) {
			return (held != null) ? this.recorder.delete(primary, EntityTypes.CUSTOMER, held.id(), now, inbound)
					: Mono.empty();
		}
		if (held == null) {
			if (fields.get(Customer.EMAIL) == null) {
				return Mono.empty();
			}
			Map<String, Object> attributes = new LinkedHashMap<>(fields);
			attributes.putIfAbsent(Customer.NAME, fields.get(Customer.EMAIL));
			if (attributes.get(Customer.NAME) == null) {
				attributes.put(Customer.NAME, fields.get(Customer.EMAIL));
			}
			return this.recorder.create(primary, Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), now, attributes),
					inbound);
		}
		Map<String, Object> changes = new LinkedHashMap<>();
		fields.forEach((field, value) -> {
			// the required fields are never cleared from a Stripe object without them
			boolean required = field.equals(Customer.NAME) || field.equals(Customer.EMAIL);
			if (!(required && value == null) && !Objects.equals(value, held.attributes().get(field))) {
				changes.put(field, value);
			}
		});
		return changes.isEmpty() ? Mono.empty()
				: this.recorder.update(primary, EntityTypes.CUSTOMER, held.id(), changes, now, inbound);
	}

	/** The live customer the primary holds for Stripe object {@code remoteId}: by link, else by email. */
	private Mono<Optional<Entity>> held(String catalog, Catalog primary, String remoteId, String email) {
		Mono<Entity> byLink = this.links.findByRemoteIds(catalog, EntityTypes.CUSTOMER, List.of(remoteId))
			.next()
			.filter((link) -> !link.deleted())
			.flatMap((link) -> primary.get(EntityTypes.CUSTOMER, link.entityId()));
		Mono<Entity> byEmail = (email != null) ? primary
			.list(EntityTypes.CUSTOMER, PageRequest.first(1).where(Condition.eq(Customer.EMAIL, email)))
			.flatMap((page) -> Mono.justOrEmpty(page.items().stream().findFirst())) : Mono.empty();
		return byLink.switchIfEmpty(byEmail).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private static Map<String, Object> fields(JsonNode customer) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put(Customer.NAME, text(customer, "name"));
		fields.put(Customer.EMAIL, text(customer, "email"));
		fields.put(Customer.PHONE, text(customer, "phone"));
		return fields;
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
