package io.catalogs.gateway.webhook;

import io.catalogs.api.ApiCatalog;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteObject;
import io.catalogs.gateway.inbound.InboundOutcome;
import io.catalogs.gateway.inbound.InboundOutcome.Kind;
import io.catalogs.gateway.inbound.InboundWriter;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.UnknownCatalogException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Applies what a webhook reports about a vendor object through the {@link InboundWriter}: the
 * reported state when it is newer than what was taken in, else (the writer found it a duplicate,
 * stale or incomplete) the object's current state read from the vendor, so that the primary ends
 * with the vendor's newest state whatever the order of delivery. A vendor object whose own
 * references are not linked yet (an invoice's customer) has them taken in first.
 */
final class WebhookChanges {

	private final InboundWriter writer;

	private final CatalogRegistry registry;

	private final ApiLinkStore links;

	WebhookChanges(InboundWriter writer, CatalogRegistry registry, ApiLinkStore links) {
		this.writer = writer;
		this.registry = registry;
		this.links = links;
	}

	/**
	 * Applies {@code reported}; emits the outcome of the reported state and, when the current state
	 * was applied after it, that one's too.
	 */
	Mono<Applied> apply(String catalog, EntityType type, RemoteChange reported) {
		return this.writer.apply(catalog, type, reported).flatMap((outcome) -> doubtful(outcome.kind())
				? current(catalog, type, reported.remoteId(), reported.deleted(), reported.modifiedAt())
					.map((current) -> new Applied(outcome, current))
					.defaultIfEmpty(new Applied(outcome, null))
				: Mono.just(new Applied(outcome, null)));
	}

	/**
	 * Applies the current state of vendor object {@code remoteId}; an object the vendor does not hold
	 * (any more) after a {@code deletion} event is applied as deleted at {@code at}. Completes empty
	 * for an object the vendor never held.
	 */
	Mono<InboundOutcome> current(String catalog, EntityType type, String remoteId, boolean deletion, Instant at) {
		return Mono.defer(() -> apiCatalog(catalog).current(type, remoteId))
			.flatMap(this.writer::apply)
			.switchIfEmpty(Mono.defer(() -> deletion
					? this.writer.apply(catalog, type, new RemoteChange(new RemoteObject(remoteId, Map.of()), at, true))
					: Mono.empty()));
	}

	/**
	 * Takes in customer {@code customerRemoteId} (its current state) when the catalog has no live
	 * link for it yet, so that an invoice of it can be mapped; completes when it is linked or there is
	 * nothing to take in.
	 */
	Mono<Void> ensureCustomer(String catalog, String customerRemoteId) {
		if (customerRemoteId == null) {
			return Mono.empty();
		}
		return this.links.findByRemoteIds(catalog, EntityTypes.CUSTOMER, List.of(customerRemoteId))
			.filter((link) -> !link.deleted())
			.hasElements()
			.flatMap((linked) -> linked ? Mono.empty()
					: current(catalog, EntityTypes.CUSTOMER, customerRemoteId, false, Instant.now()).then());
	}

	/** Whether {@code catalog} is configured and holds entities of {@code type} (else its events are ignored). */
	boolean holds(String catalog, EntityType type) {
		return this.registry.find(catalog).map((found) -> found.definition().holds(type)).orElse(false);
	}

	/** Whether the reported state was not taken in and the current one should be read. */
	private static boolean doubtful(Kind kind) {
		return kind == Kind.DUPLICATE || kind == Kind.STALE || kind == Kind.INCOMPLETE;
	}

	private ApiCatalog apiCatalog(String name) {
		return this.registry.find(name)
			.flatMap((catalog) -> catalog.unwrap(ApiCatalog.class))
			.orElseThrow(() -> new UnknownCatalogException("'" + name + "' is not an API catalog"));
	}

	/**
	 * What became of a reported change.
	 *
	 * @param reported the outcome of the state the webhook carried
	 * @param current the outcome of the current state applied after it, {@code null} when it was not read
	 */
	record Applied(InboundOutcome reported, InboundOutcome current) {

		/** The last outcome. */
		InboundOutcome last() {
			return (this.current != null) ? this.current : this.reported;
		}
	}
}
