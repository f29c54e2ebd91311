package io.catalogs.gateway.sync;

import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;


/**
 * Applies RETRYING sync events again when their next attempt is due (and dead letters re-queued by
 * {@code replayDeadLetters}). Every {@code catalogs.sync.retry.poll-interval} it claims due rows
 * with {@code FOR UPDATE SKIP LOCKED}, moving their next attempt a lease ahead so that several
 * instances never take the same row (if this instance dies, the row is due again after the lease),
 * and applies them through {@link SyncApplier}, which records the outcome and the next attempt.
 */
public class RetryScheduler extends BackgroundLoop {

	private static final Logger logger = LoggerFactory.getLogger(RetryScheduler.class);

	private static final Duration LEASE = Duration.ofMinutes(1);

	private final SyncEventStore events;

	private final SyncApplier applier;

	private final CatalogRegistry registry;

	private final SyncProperties.Retry settings;

	private final int parallelism;

	RetryScheduler(SyncEventStore events, SyncApplier applier, CatalogRegistry registry, SyncProperties properties) {
		this.events = events;
		this.applier = applier;
		this.registry = registry;
		this.settings = properties.retry();
		this.parallelism = properties.consumer().parallelism();
	}

	/** Apply the due retries now; emits how many were attempted. */
	public Mono<Long> retryDue() {
		return this.events.claimDue(this.settings.batchSize(), LEASE)
			.flatMap(this::retry, this.parallelism)
			.count();
	}

	private Mono<SyncEventRecord> retry(SyncEventStore.StoredEvent stored) {
		String target = stored.record().target();
		return this.registry.find(target)
			.map((catalog) -> this.applier.apply(stored.event(), catalog))
			.orElseGet(() -> this.applier.fail(stored.event(), target,
					new CatalogException("catalog '" + target + "' is not configured")))
			.onErrorResume((ex) -> {
				// recording failed (control store): the lease makes the row due again
				logger.warn("Retry of sync event {} could not be recorded: {}", stored.record().id(), ex.toString());
				return Mono.empty();
			});
	}

	@Override
	protected Disposable launch() {
		return Flux.interval(this.settings.pollInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> retryDue().expand((count) -> (count >= this.settings.batchSize()) ? retryDue()
					: Mono.empty()).onErrorResume((ex) -> {
						logger.warn("Retry scheduler could not claim due retries: {}", ex.toString());
						return Mono.empty();
					}))
			.subscribe();
	}
}
