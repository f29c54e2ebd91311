package io.catalogs.gateway.inbound;

import io.catalogs.api.ApiCatalog;
import io.catalogs.api.InboundChange;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.UnknownCatalogException;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves the references of an inbound change to vendor objects the gateway has not taken in yet
 * (an invoice created at the vendor for a customer created there too): each is taken in first, from
 * its current state at the vendor, and the change is then read again so that its references resolve
 * through the new links. One object is taken in once however many changes wait for it at a time.
 */
final class InboundReferences {

	private static final Logger logger = LoggerFactory.getLogger(InboundReferences.class);

	/** Referenced objects being taken in, by catalog, type and vendor id. */
	private final Map<String, Mono<UUID>> taking = new ConcurrentHashMap<>();

	/**
	 * {@code change} with its {@link InboundChange#unresolved()} objects taken in through
	 * {@code apply}; unchanged when none could be (the catalog does not hold their type, or they
	 * cannot become entities), or when the object itself is gone since.
	 */
	Mono<InboundChange> resolve(ApiCatalog api, InboundChange change, Function<InboundChange, Mono<InboundOutcome>> apply) {
		return Flux.fromIterable(change.unresolved().entrySet())
			.concatMap((entry) -> Flux.fromIterable(entry.getValue())
				.concatMap((remoteId) -> takeIn(api, change.catalog(), entry.getKey(), remoteId, apply)))
			.count()
			.flatMap((taken) -> (taken == 0) ? Mono.just(change)
					: api.current(change.type(), change.remoteId())
						.filter((fresh) -> !fresh.deleted() && !fresh.modifiedAt().isBefore(change.modifiedAt()))
						.defaultIfEmpty(change));
	}

	/** Takes in vendor object {@code remoteId} of {@code type}; emits its entity, or completes empty when it has none. */
	private Mono<UUID> takeIn(ApiCatalog api, String catalog, EntityType type, String remoteId,
			Function<InboundChange, Mono<InboundOutcome>> apply) {
		String key = catalog + "/" + type.name() + "/" + remoteId;
		return this.taking.computeIfAbsent(key, (k) -> api.current(type, remoteId)
			.flatMap(apply)
			.doOnNext((outcome) -> logger.debug("{} {} of catalog '{}' taken in before an object referring to it: {}", type,
					remoteId, catalog, outcome.kind()))
			.mapNotNull(InboundOutcome::entityId)
			.onErrorResume(UnknownCatalogException.class, (notHeld) -> Mono.empty())
			.doFinally((signal) -> this.taking.remove(k))
			.cache());
	}
}
