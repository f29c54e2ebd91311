package io.catalogs.gateway.webhook;

import io.catalogs.gateway.sync.ControlStore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code webhook_events} table of the control store: which vendor events were received, to
 * acknowledge a redelivery without applying it again and to skip an event older than one already
 * received for the same object. Prunes rows older than the retention in the background.
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
	 * The guard of an inbound write: records the event if absent and emits whether to apply it:
	 * {@code false} when it was received before (a duplicate) or when an event about the same object
	 * created strictly later was received (out of order). The row commits with the write when run in
	 * its transaction.
	 */
	Function<DatabaseClient, Mono<Boolean>> guard(ReceivedEvent event, Outcome outcome) {
		return (client) -> client.sql("WITH newest AS (SELECT max(event_created) AS created FROM " + this.table
				+ " WHERE catalog = :catalog AND object_id = :object), inserted AS (INSERT INTO " + this.table
				+ " (catalog, event_id, event_type, object_id, event_created) VALUES (:catalog, :event, :type, :object, "
				+ ":created) ON CONFLICT (catalog, event_id) DO NOTHING RETURNING 1) SELECT (SELECT count(*) FROM inserted) "
				+ "AS inserted, (SELECT created FROM newest) AS newest")
			.bind("catalog", event.catalog())
			.bind("event", event.eventId())
			.bind("type", event.type())
			.bind("object", event.objectId())
			.bind("created", offset(event.created()))
			.map((row) -> {
				boolean inserted = row.get("inserted", Long.class) > 0;
				OffsetDateTime newest = row.get("newest", OffsetDateTime.class);
				if (!inserted) {
					outcome.set(Outcome.Kind.DUPLICATE);
					return false;
				}
				if (newest != null && newest.toInstant().isAfter(event.created())) {
					outcome.set(Outcome.Kind.OUT_OF_ORDER);
					return false;
				}
				outcome.set(Outcome.Kind.APPLIED);
				return true;
			})
			.one();
	}

	/** Record an event that needs no write (nothing to change); a first receipt is {@code UNCHANGED}. */
	Mono<Boolean> recordOnly(ReceivedEvent event, Outcome outcome) {
		return guard(event, outcome).apply(this.store.client()).doOnNext((fresh) -> {
			if (outcome.kind() == Outcome.Kind.APPLIED) {
				outcome.set(Outcome.Kind.UNCHANGED);
			}
		});
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

	/**
	 * A verified vendor event.
	 *
	 * @param catalog the catalog it came from
	 * @param eventId the vendor's event id
	 * @param type the vendor's event type
	 * @param objectId the vendor object it is about
	 * @param created when the vendor created it
	 */
	record ReceivedEvent(String catalog, String eventId, String type, String objectId, Instant created) {
	}

	/** What the guard decided, for the response and the log. */
	static final class Outcome {

		/** Nothing decided yet; applied; received before; older than one received; nothing to change; not an event handled. */
		enum Kind { NONE, APPLIED, DUPLICATE, OUT_OF_ORDER, UNCHANGED, IGNORED }

		private volatile Kind kind = Kind.NONE;

		void set(Kind newKind) {
			this.kind = newKind;
		}

		Kind kind() {
			return this.kind;
		}
	}
}
