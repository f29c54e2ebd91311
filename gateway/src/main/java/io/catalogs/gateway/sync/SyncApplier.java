package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.SyncState;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.RetriableCatalogException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Applies one change event to one target catalog with {@link Catalog#applyIfNewer} and records the
 * outcome: APPLIED or SKIPPED_STALE; after a retriable failure RETRYING with the next attempt time,
 * or DEAD_LETTERED (and the event on the dead-letter topic) when the attempts are exhausted; after
 * any other failure FAILED with a short message fit for clients. Every recorded state is published
 * to the status topic and counted in {@link SyncMetrics}. Shared by the consumers, the retry
 * scheduler and {@code retrySyncEvent}.
 *
 * <p>Failures of the catalog are outcomes; failures to record them (the control store is down)
 * are signalled, so that the caller tries again later.
 */
final class SyncApplier {

	private static final Logger logger = LoggerFactory.getLogger(SyncApplier.class);

	private static final int MAX_ERROR_LENGTH = 300;

	private final SyncEventStore events;

	private final ControlStore store;

	private final SyncPublisher publisher;

	private final RetryPolicy retries;

	private final SyncMetrics metrics;

	private final Clock clock;

	SyncApplier(SyncEventStore events, ControlStore store, SyncPublisher publisher, RetryPolicy retries,
			SyncMetrics metrics, Clock clock) {
		this.events = events;
		this.store = store;
		this.publisher = publisher;
		this.retries = retries;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Apply {@code event} to {@code target} and record the outcome; emits the recorded row, or
	 * completes empty when the row already recorded a success (a duplicate: nothing changed).
	 */
	Mono<SyncEventRecord> apply(ChangeEvent event, Catalog target) {
		String name = target.definition().name();
		return target.applyIfNewer(event.entity())
			.map((result) -> new Outcome((result == ApplyResult.APPLIED) ? SyncState.APPLIED : SyncState.SKIPPED_STALE,
					null))
			.switchIfEmpty(Mono.fromSupplier(() -> new Outcome(null,
					new IllegalStateException("catalog '" + name + "' answered applyIfNewer with nothing"))))
			.onErrorResume((ex) -> Mono.just(new Outcome(null, ex)))
			.flatMap((outcome) -> (outcome.failure() == null) ? this.events.recordSuccess(event, name, outcome.state())
					: recordFailure(event, name, outcome.failure()))
			.flatMap((record) -> {
				this.metrics.recorded(name, record.state(), event.committedAt(), this.clock.instant());
				return this.publisher.publishStatusQuietly(record).thenReturn(record);
			});
	}

	/** Record that {@code event} could not be applied to the catalog {@code target} for {@code reason}. */
	Mono<SyncEventRecord> fail(ChangeEvent event, String target, Throwable reason) {
		return recordFailure(event, target, reason).flatMap((record) -> {
			this.metrics.recorded(target, record.state(), event.committedAt(), this.clock.instant());
			return this.publisher.publishStatusQuietly(record).thenReturn(record);
		});
	}

	private Mono<SyncEventRecord> recordFailure(ChangeEvent event, String target, Throwable ex) {
		boolean retriable = ex instanceof RetriableCatalogException;
		String error = clientSafe(ex);
		Instant now = this.clock.instant();
		return this.events.lock(event, target)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((current) -> {
				if (current.isPresent() && (current.get().state() == SyncState.APPLIED
						|| current.get().state() == SyncState.SKIPPED_STALE)) {
					return Mono.<Failure>empty();
				}
				int attempts = current.map(SyncEventStore.Attempt::attempts).orElse(0) + 1;
				SyncState next = !retriable ? SyncState.FAILED
						: this.retries.retries(attempts) ? SyncState.RETRYING : SyncState.DEAD_LETTERED;
				Instant nextAttemptAt = (next == SyncState.RETRYING) ? now.plus(this.retries.delayAfter(attempts))
						: null;
				boolean deadLettered = next == SyncState.DEAD_LETTERED
						&& current.map((row) -> row.state() != SyncState.DEAD_LETTERED).orElse(true);
				return this.events.recordFailure(event, target, next, attempts, error, nextAttemptAt)
					.map((record) -> new Failure(record, deadLettered));
			})
			.as(this.store.transactions()::transactional)
			.flatMap((failure) -> {
				log(event, failure.record(), ex);
				if (!failure.deadLettered()) {
					return Mono.just(failure.record());
				}
				return this.publisher
					.publishDeadLetter(event.entity().id().toString(), this.publisher.serialize(event), target, error)
					.onErrorResume((publishFailure) -> {
						logger.warn("Could not publish dead letter of change {} for '{}': {}", event.id(), target,
								publishFailure.toString());
						return Mono.empty();
					})
					.thenReturn(failure.record());
			});
	}

	private static void log(ChangeEvent event, SyncEventRecord record, Throwable ex) {
		if (record.state() == SyncState.FAILED && !(ex instanceof CatalogException)) {
			logger.error("Change {} of {} {} failed for '{}'", event.id(), event.entity().type(), event.entity().id(),
					record.target(), ex);
		}
		else {
			logger.warn("Change {} of {} {} v{} for '{}': {} after attempt {} ({})", event.id(), event.entity().type(),
					event.entity().id(), event.entity().version(), record.target(), record.state(), record.attempts(),
					ex.toString());
		}
	}

	/** A message fit for clients: a catalog exception's own (written for them), else a generic one. */
	static String clientSafe(Throwable ex) {
		String message = (ex instanceof CatalogException) ? ex.getMessage()
				: "internal error while applying the change (see the gateway log)";
		if (message == null) {
			message = ex.getClass().getSimpleName();
		}
		return (message.length() > MAX_ERROR_LENGTH) ? message.substring(0, MAX_ERROR_LENGTH) : message;
	}

	private record Outcome(SyncState state, Throwable failure) {
	}

	private record Failure(SyncEventRecord record, boolean deadLettered) {
	}
}
