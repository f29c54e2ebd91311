package io.catalogs.gateway.webhook;

import io.catalogs.api.hubspot.HubSpotCatalogFactory;
import io.catalogs.api.stripe.StripeCatalogFactory;
import io.catalogs.gateway.inbound.InboundOutcome.Kind;
import io.catalogs.gateway.webhook.WebhookEventStore.ReceivedEvent;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;

/**
 * Applies again, in the background, the webhook events that were recorded but not applied (the
 * primary or the vendor failed, the gateway stopped before HubSpot's events were applied): every
 * retry interval, each such event older than the interval has its object's current state read from
 * the vendor and applied through the inbound writer, and is then noted applied.
 */
final class WebhookRetry implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(WebhookRetry.class);

	private static final int BATCH = 100;

	private final WebhookEventStore events;

	private final WebhookChanges changes;

	private final WebhookCatalogs catalogs;

	private final Clock clock;

	private final Duration interval;

	private final Disposable retrying;

	WebhookRetry(WebhookEventStore events, WebhookChanges changes, WebhookCatalogs catalogs, WebhookProperties properties,
			Clock clock) {
		this.events = events;
		this.changes = changes;
		this.catalogs = catalogs;
		this.clock = clock;
		this.interval = properties.retryInterval();
		this.retrying = Flux.interval(this.interval, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> retry().onErrorResume((ex) -> {
				logger.warn("Retrying webhook events failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
	}

	/** One round: emits how many events were applied. */
	Mono<Long> retry() {
		return this.events.pending(this.clock.instant().minus(this.interval), BATCH)
			.concatMap((event) -> applyCurrent(event).thenReturn(1L).onErrorResume((ex) -> {
				logger.warn("Webhook event {} of '{}' still not applied: {}", event.eventId(), event.catalog(), ex.toString());
				return Mono.just(0L);
			}))
			.reduce(0L, Long::sum);
	}

	private Mono<Void> applyCurrent(ReceivedEvent event) {
		String kind = this.catalogs.kind(event.catalog());
		Optional<EntityType> type;
		boolean deletion;
		if (StripeCatalogFactory.KIND.equals(kind)) {
			type = StripeWebhooks.entityType(event.type());
			deletion = event.type().endsWith(".deleted");
		}
		else if (HubSpotCatalogFactory.KIND.equals(kind) && event.type().startsWith("contact.")) {
			type = Optional.of(EntityTypes.CUSTOMER);
			deletion = HubSpotWebhooks.deletion(event.type());
		}
		else {
			type = Optional.empty();
			deletion = false;
		}
		if (type.isEmpty() || event.objectId() == null || !this.changes.holds(event.catalog(), type.get())) {
			// nothing this gateway applies (any more): done with it
			return this.events.applied(event.catalog(), List.of(event.eventId()));
		}
		return this.changes.current(event.catalog(), type.get(), event.objectId(), deletion, event.created())
			.flatMap((outcome) -> (outcome.kind() == Kind.INCOMPLETE && type.get().equals(EntityTypes.INVOICE))
					// its customer is not taken in yet: left pending for the vendor's redelivery, which names it
					? Mono.error(new IllegalStateException("the invoice's customer is not taken in yet"))
					: Mono.just(outcome))
			.then(this.events.applied(event.catalog(), List.of(event.eventId())));
	}

	@Override
	public void destroy() {
		this.retrying.dispose();
	}
}
