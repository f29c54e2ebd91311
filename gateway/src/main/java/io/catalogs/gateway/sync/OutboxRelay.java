package io.catalogs.gateway.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;


/**
 * Publishes committed outbox rows to the changes topic. It wakes on {@code LISTEN outbox} (the
 * table's trigger notifies on every commit) and polls every
 * {@code catalogs.sync.relay.poll-interval} in case a notification is missed. Each batch is one
 * control-store transaction: it takes unpublished READY rows with {@code FOR UPDATE SKIP LOCKED}
 * (so several instances share the work and none waits on another), publishes their PENDING sync
 * events to the status topic and then the change events to the changes topic, waits for the
 * broker's acknowledgements, and marks the rows published. A failure rolls the batch back; it is
 * published again on the next wake-up (consumers apply with apply-if-newer, so a row published
 * twice changes nothing).
 *
 * <p>Reading "unpublished rows" rather than "rows after the last sequence number seen" means a
 * transaction that commits late is still published: sequence numbers are handed out before commit.
 * Published rows are pruned after {@code catalogs.sync.relay.retention}.
 */
public class OutboxRelay extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final String CHANNEL = "outbox";

	private final ControlStore store;

	private final OutboxStore outbox;

	private final SyncEventStore events;

	private final SyncPublisher publisher;

	private final SyncProperties.Relay settings;

	private final Clock clock;

	OutboxRelay(ControlStore store, OutboxStore outbox, SyncEventStore events, SyncPublisher publisher,
			SyncProperties.Relay settings, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.events = events;
		this.publisher = publisher;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Publish every unpublished READY row now, batch after batch; emits how many rows were published.
	 */
	public Mono<Long> drain() {
		return publishBatch().expand((count) -> (count >= this.settings.batchSize()) ? publishBatch() : Mono.empty())
			.reduce(0L, Long::sum);
	}

	private Mono<Long> publishBatch() {
		return this.outbox.lockReady(this.store.client(), this.settings.batchSize())
			.collectList()
			.flatMap((rows) -> {
				if (rows.isEmpty()) {
					return Mono.just(0L);
				}
				List<UUID> ids = rows.stream().map(OutboxStore.ReadyRow::id).toList();
				List<Map.Entry<String, byte[]>> changes = rows.stream()
					.map((row) -> (Map.Entry<String, byte[]>) new AbstractMap.SimpleImmutableEntry<>(row.key(),
							row.payload()))
					.toList();
				// statuses first: a consumer's APPLIED can then never reach the status topic before PENDING
				return this.events.pendingOf(ids)
					.collectList()
					.flatMap(this.publisher::publishStatuses)
					.then(this.publisher.publishChanges(changes))
					.timeout(this.settings.publishTimeout())
					.then(this.outbox.markPublished(this.store.client(), ids));
			})
			.as(this.store.transactions()::transactional);
	}

	/** Delete published rows older than the retention; emits how many. */
	Mono<Long> prune() {
		return this.outbox.prunePublished(this.store.client(), this.clock.instant().minus(this.settings.retention()));
	}

	@Override
	protected Disposable launch() {
		Flux<Object> wakeUps = Flux.merge(Flux.interval(Duration.ZERO, this.settings.pollInterval()),
				notifications());
		Disposable relay = wakeUps.onBackpressureLatest()
			.concatMap((wakeUp) -> drain().onErrorResume((ex) -> {
				logger.warn("Outbox relay batch failed (retried on the next wake-up): {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
		Disposable pruning = Flux.interval(this.settings.pruneInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> prune().doOnNext((count) -> {
				if (count > 0) {
					logger.debug("Pruned {} published outbox rows", count);
				}
			}).onErrorResume((ex) -> {
				logger.warn("Pruning the outbox failed: {}", ex.toString());
				return Mono.empty();
			}))
			.subscribe();
		return Disposables.composite(relay, pruning);
	}

	/** Notifications of commits to this control store's outbox; reconnects when the connection drops. */
	private Flux<Object> notifications() {
		return Flux.usingWhen(this.store.listenerConnection(), this::listen, PostgresqlConnection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
				.maxBackoff(Duration.ofSeconds(30))
				.doBeforeRetry((signal) -> logger.debug("LISTEN {} reconnects: {}", CHANNEL, signal.failure().toString())));
	}

	private Flux<Object> listen(PostgresqlConnection connection) {
		String schema = this.store.schema();
		return connection.createStatement("LISTEN " + CHANNEL)
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.thenMany(connection.getNotifications())
			// the V1 trigger notified with an empty payload, V2 names the schema
			.filter((notification) -> notification.getParameter() == null || notification.getParameter().isEmpty()
					|| notification.getParameter().equals(schema))
			.map((notification) -> (Object) notification)
			// a closed connection completes the stream: reconnect
			.concatWith(Mono.error(() -> new IllegalStateException("LISTEN connection closed")));
	}
}
