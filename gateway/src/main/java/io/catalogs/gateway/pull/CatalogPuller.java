package io.catalogs.gateway.pull;

import io.catalogs.api.ApiCatalog;
import io.catalogs.api.InboundChange;
import io.catalogs.gateway.inbound.InboundWriter;
import io.catalogs.gateway.pull.SyncCursorStore.Claim;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.RetriableCatalogException;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One pull of one cursor: claims the cursor, reads the catalog's changes modified at or after it
 * and applies them through the {@link InboundWriter} batch by batch, moving the cursor to the last
 * change of each batch once the whole batch is applied. The cursor is inclusive: a pull that stops
 * inside a group of changes sharing one modification time reads the whole group again next time,
 * and the writer recognizes what it applied before (by vendor id and modification time).
 */
final class CatalogPuller {

	private static final Logger logger = LoggerFactory.getLogger(CatalogPuller.class);

	private final SyncCursorStore cursors;

	private final InboundWriter writer;

	private final PullProperties properties;

	private final String owner;

	CatalogPuller(SyncCursorStore cursors, InboundWriter writer, PullProperties properties, String owner) {
		this.cursors = cursors;
		this.writer = writer;
		this.properties = properties;
		this.owner = owner;
	}

	/**
	 * Pulls {@code type} from {@code catalog} once; emits what it did, or completes empty when
	 * another instance holds the cursor. A failure is recorded on the cursor (and signalled); a
	 * cancelled pull releases the cursor where it stands.
	 */
	Mono<PullResult> pull(String name, ApiCatalog catalog, EntityType type) {
		return this.cursors.claim(name, type.name(), this.owner, this.properties.lease())
			.flatMap((claim) -> run(catalog, type, claim));
	}

	private Mono<PullResult> run(ApiCatalog catalog, EntityType type, Claim claim) {
		Instant since = (claim.position() != null) ? claim.position().minus(this.properties.overlap()) : Instant.EPOCH;
		AtomicLong fetched = new AtomicLong();
		AtomicLong applied = new AtomicLong();
		logger.debug("Pull of {} from '{}' starts at {}", type, claim.catalog(), (claim.position() != null) ? since : "the beginning");
		return catalog.modifiedSince(type, since)
			.buffer(this.properties.batchSize())
			// one batch read ahead while the previous one is applied, no more
			.concatMap((batch) -> applyBatch(claim, batch, fetched, applied), 1)
			.then(Mono.fromSupplier(() -> new PullResult(fetched.get(), applied.get())))
			.flatMap((result) -> this.cursors.release(claim, null).thenReturn(result))
			.doOnNext((result) -> {
				// an idle feed says so only at DEBUG, every interval
				if (result.fetched() > 0) {
					logger.info("Pull of {} from '{}' done: {} changes read, {} applied", type, claim.catalog(),
							result.fetched(), result.applied());
				}
				else {
					logger.debug("Pull of {} from '{}' done: nothing new", type, claim.catalog());
				}
			})
			.onErrorResume((ex) -> {
				String reason = reason(ex);
				logger.warn("Pull of {} from '{}' stopped with the cursor past {} changes ({} applied): {}", type, claim.catalog(),
						fetched.get(), applied.get(), reason, (ex instanceof CatalogException) ? null : ex);
				return this.cursors.release(claim, reason).onErrorResume((releaseFailure) -> Mono.empty()).then(Mono.error(ex));
			})
			.doOnCancel(() -> {
				logger.info("Pull of {} from '{}' interrupted with the cursor past {} changes ({} applied)", type, claim.catalog(),
						fetched.get(), applied.get());
				this.cursors.release(claim, "interrupted").subscribe(null, (ex) -> { });
			});
	}

	private Mono<Void> applyBatch(Claim claim, List<InboundChange> batch, AtomicLong fetched, AtomicLong applied) {
		return this.writer.applyAll(batch, this.properties.concurrency())
			.filter((outcome) -> outcome.kind().written())
			.count()
			.flatMap((written) -> {
				Instant last = batch.get(batch.size() - 1).modifiedAt();
				return this.cursors.advance(claim, last, batch.size(), written).flatMap((held) -> {
					if (!held) {
						return Mono.error(new LostCursorException());
					}
					long total = fetched.addAndGet(batch.size());
					applied.addAndGet(written);
					logger.debug("Pull of {} from '{}': {} changes read, {} applied, cursor at {}", claim.entityType(),
							claim.catalog(), total, applied.get(), last);
					if (total % (this.properties.batchSize() * 10L) == 0) {
						logger.info("Pull of {} from '{}' in progress: {} changes read, {} applied, cursor at {}",
								claim.entityType(), claim.catalog(), total, applied.get(), last);
					}
					return Mono.empty();
				});
			});
	}

	/** A text for the cursor's last error: never an unknown exception's message (it may quote a vendor or a secret). */
	private static String reason(Throwable ex) {
		if (ex instanceof LostCursorException) {
			return ex.getMessage();
		}
		if (ex instanceof RetriableCatalogException) {
			return "catalog unavailable: " + ex.getMessage();
		}
		if (ex instanceof CatalogException) {
			return ex.getMessage();
		}
		return "internal error (" + ex.getClass().getSimpleName() + "), see the gateway's log";
	}

	/** The cursor was reset, or another instance took it over, while the pull ran. */
	static final class LostCursorException extends RuntimeException {

		LostCursorException() {
			super("the cursor was reset or taken over by another instance during the pull");
		}
	}
}
