package io.catalogs.gateway.webhook;

import io.catalogs.gateway.sync.ControlStore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;

/**
 * The {@code webhook_events} table of the control store: which vendor events were received and
 * whether their change is in the primary yet, to acknowledge a redelivery without applying it again
 * and to retry what was received but not applied (a failure, a crash). Prunes rows older than the
 * retention in the background.
 */
public final class WebhookEventStore implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(WebhookEventStore.class);

	private final ControlStore store;

	private final String table;

	private final Disposable pruning;

	WebhookEventStore(ControlStore store, WebhookProperties properties) {
		this.store = store;
		this.table = store.table("webhook_events");
		this.pruning = Flux.interval(properties.pruneInterval(), properties.pruneInterval())
			.concatMap((tick) -> prune(Instant.now().minus(properties.retention()))
				.onErrorResume((ex) -> {
					logger.warn("Pruning webhook events failed: {}", ex.toString());
					return Mono.empty();
				}))
			.subscribe();
	}

	/**
	 * Records {@code event} if absent (one statement; concurrent deliveries of one event serialize on
	 * the key) and emits what was known of it before.
	 */
	Mono<Receipt> receive(ReceivedEvent event) {
		return this.store.client().sql("WITH inserted AS (INSERT INTO " + this.table
				+ " (catalog, event_id, event_type, object_id, event_created) VALUES (:catalog, :event, :type, :object, "
				+ ":created) ON CONFLICT (catalog, event_id) DO NOTHING RETURNING 1) SELECT (SELECT count(*) FROM inserted) "
				+ "AS inserted, (SELECT applied_at IS NOT NULL FROM " + this.table
				+ " WHERE catalog = :catalog AND event_id = :event) AS applied")
			.bind("catalog", event.catalog())
			.bind("event", event.eventId())
			.bind("type", event.type())
			.bind("object", event.objectId())
			.bind("created", offset(event.created()))
			.map((row) -> {
				if (row.get("inserted", Long.class) > 0) {
					return Receipt.NEW;
				}
				return Boolean.TRUE.equals(row.get("applied", Boolean.class)) ? Receipt.APPLIED : Receipt.PENDING;
			})
			.one();
	}

	/** Notes that the changes of these events of {@code catalog} are in the primary. */
	Mono<Void> applied(String catalog, Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return Mono.empty();
		}
		return this.store.client().sql("UPDATE " + this.table + " SET applied_at = now() WHERE catalog = :catalog"
				+ " AND event_id = ANY(:events) AND applied_at IS NULL")
			.bind("catalog", catalog)
			.bind("events", eventIds.toArray(String[]::new))
			.fetch()
			.rowsUpdated()
			.then();
	}

	/** Up to {@code limit} events received before {@code cutoff} and not applied yet, oldest first. */
	Flux<ReceivedEvent> pending(Instant cutoff, int limit) {
		return this.store.client().sql("SELECT catalog, event_id, event_type, object_id, event_created FROM " + this.table
				+ " WHERE applied_at IS NULL AND received_at < :cutoff ORDER BY received_at LIMIT :limit")
			.bind("cutoff", offset(cutoff))
			.bind("limit", limit)
			.map((row) -> new ReceivedEvent(row.get("catalog", String.class), row.get("event_id", String.class),
					row.get("event_type", String.class), row.get("object_id", String.class),
					row.get("event_created", OffsetDateTime.class).toInstant()))
			.all();
	}

	/** Delete rows received before {@code cutoff}; emits how many. */
	Mono<Long> prune(Instant cutoff) {
		return this.store.client().sql("DELETE FROM " + this.table + " WHERE received_at < :cutoff")
			.bind("cutoff", offset(cutoff))
			.fetch()
			.rowsUpdated();
	}

	@Override
	public void destroy() {
		this.pruning.dispose();
	}

	private static OffsetDateTime offset(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** What was known of an event when it arrived. */
	enum Receipt {

		/** Never received before. */
		NEW,
		/** Received before, its change not (known to be) in the primary yet: to be applied. */
		PENDING,
		/** Received and applied before: a duplicate. */
		APPLIED
	}

	/**
	 * A verified vendor event.
	 *
	 * @param catalog the catalog it came from
	 * @param eventId the vendor's event id
	 * @param type the vendor's event type ({@code customer.updated}, {@code contact.propertyChange})
	 * @param objectId the vendor object it is about
	 * @param created when the vendor created it
	 */
	record ReceivedEvent(String catalog, String eventId, String type, String objectId, Instant created) {
	}
}
