package io.catalogs.gateway.inbound;

import io.catalogs.api.ApiCatalog;
import io.catalogs.api.ApiLinkStore;
import io.catalogs.api.InboundChange;
import io.catalogs.api.RemoteChange;
import io.catalogs.gateway.inbound.InboundMarks.Mark;
import io.catalogs.gateway.inbound.InboundOutcome.Kind;
import io.catalogs.gateway.sync.ChangeRecorder;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.FieldDef;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.Condition;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.UnknownCatalogException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies changes that came in from an API catalog (incremental pulls, webhooks) to the primary of
 * their entity type, as writes with {@code origin} = that catalog: they fan out to every other
 * catalog, never back to the origin. The entity is found through the catalog's link, else the
 * gateway id written on the object, else (customers) by email in the primary, else created; the
 * object is then linked to it.
 *
 * <p>A change is applied at most once: one not newer than the last state taken in from the same
 * vendor object ({@link InboundMarks}, moved in the write's transaction when the primary shares the
 * control store's) is a {@link Kind#DUPLICATE}; one whose fields equal what the primary holds is
 * {@link Kind#UNCHANGED} (the gateway's own fan-out coming back through the feed); an object holding
 * an older gateway version than the primary is {@link Kind#STALE} (the newer version is on its way
 * to the vendor: the primary wins). Deleted entities are not brought back. Vendor objects a change
 * refers to that the gateway has not taken in yet (an invoice's new customer) are taken in first
 * ({@link InboundReferences}).
 *
 * <p>Returns without blocking; failures of the primary or the control store are signalled as they come.
 */
public final class InboundWriter {

	private static final Logger logger = LoggerFactory.getLogger(InboundWriter.class);

	private final CatalogRegistry registry;

	private final ApiLinkStore links;

	private final ChangeRecorder recorder;

	private final InboundMarks marks;

	private final ControlStore store;

	private final Clock clock;

	private final InboundReferences references = new InboundReferences();

	InboundWriter(CatalogRegistry registry, ApiLinkStore links, ChangeRecorder recorder, InboundMarks marks,
			ControlStore store, Clock clock) {
		this.registry = registry;
		this.store = store;
		this.links = links;
		this.recorder = recorder;
		this.marks = marks;
		this.clock = clock;
	}

	/**
	 * Applies {@code change}, an object of {@code type} that API catalog {@code catalog} reported (a
	 * webhook's payload in the collection's flat form), mapped through the catalog's field mapping.
	 * Fails with {@link UnknownCatalogException} when {@code catalog} is not an API catalog holding
	 * {@code type}.
	 */
	public Mono<InboundOutcome> apply(String catalog, EntityType type, RemoteChange change) {
		return Mono.defer(() -> apiCatalog(catalog).inbound(type, change)).flatMap(this::apply);
	}

	/** Applies one inbound change. */
	public Mono<InboundOutcome> apply(InboundChange change) {
		return applyAll(List.of(change), 1).next();
	}

	/**
	 * Applies changes of one catalog and entity type, up to {@code concurrency} objects at a time;
	 * emits one outcome per change, in completion order. Of several changes of one object, only the
	 * newest is applied (the others are duplicates).
	 */
	public Flux<InboundOutcome> applyAll(List<InboundChange> changes, int concurrency) {
		if (changes.isEmpty()) {
			return Flux.empty();
		}
		InboundChange first = changes.get(0);
		Map<String, InboundChange> newest = new LinkedHashMap<>();
		List<InboundOutcome> older = new ArrayList<>();
		for (InboundChange change : changes) {
			if (!change.catalog().equals(first.catalog()) || !change.type().equals(first.type())) {
				return Flux.error(new IllegalArgumentException("changes of one catalog and entity type only"));
			}
			InboundChange other = newest.put(change.remoteId(), change);
			if (other != null) {
				boolean keepOther = other.modifiedAt().isAfter(change.modifiedAt());
				older.add(InboundOutcome.of(keepOther ? change : other, null, Kind.DUPLICATE));
				if (keepOther) {
					newest.put(change.remoteId(), other);
				}
			}
		}
		return this.marks.find(first.catalog(), first.type(), newest.keySet())
			.flatMapMany((found) -> Flux.fromIterable(newest.values())
				.flatMap((change) -> uncancellable(applyOne(change, found.get(change.remoteId()))), Math.max(1, concurrency)))
			.concatWithValues(older.toArray(InboundOutcome[]::new));
	}

	/**
	 * A write that, once started, runs to its end even when the caller stops waiting (a pull failing
	 * on its next page, or cancelled): cancelling a reactive transaction midway can leave its
	 * connection to be reused before the rollback, and with it a part of the transaction.
	 */
	private static Mono<InboundOutcome> uncancellable(Mono<InboundOutcome> write) {
		return Mono.defer(() -> Mono.fromFuture(write.toFuture(), true));
	}

	private Mono<InboundOutcome> applyOne(InboundChange change, Mark mark) {
		if (mark != null && mark.covers(change)) {
			UUID entityId = (change.entityId() != null) ? change.entityId() : mark.entityId();
			Mono<Void> relink = (!change.linked() && !change.deleted() && entityId != null)
					? link(change, entityId) : Mono.empty();
			return relink.thenReturn(InboundOutcome.of(change, entityId, Kind.DUPLICATE));
		}
		Catalog primary = this.registry.primary(change.type());
		if (primary.definition().name().equals(change.catalog())) {
			return Mono.just(InboundOutcome.of(change, change.entityId(), Kind.IGNORED));
		}
		if (!change.deleted() && !change.unresolved().isEmpty()) {
			return this.references.resolve(apiCatalog(change.catalog()), change, this::apply)
				.flatMap((resolved) -> write(primary, resolved, mark));
		}
		return write(primary, change, mark);
	}

	private Mono<InboundOutcome> write(Catalog primary, InboundChange change, Mark mark) {
		UUID knownId = (change.entityId() != null) ? change.entityId() : (mark != null) ? mark.entityId() : null;
		if (knownId == null && change.deleted()) {
			// an object the gateway never took in is gone: nothing to delete (and no match by email)
			return without(change, null, Kind.UNCHANGED);
		}
		Mono<Entity> held = ((knownId != null) ? primary.get(change.type(), knownId) : byEmail(primary, change))
			.filter((entity) -> !entity.deleted());
		return held.map((entity) -> decide(primary, change, entity))
			.switchIfEmpty(Mono.fromSupplier(() -> (knownId != null) ? unheld(change, knownId) : create(primary, change)))
			.flatMap((write) -> write);
	}

	/** A change of an entity the primary holds live. */
	private Mono<InboundOutcome> decide(Catalog primary, InboundChange change, Entity held) {
		Instant now = this.clock.instant();
		ChangeRecorder.Inbound inbound = inbound(primary, change, held.id());
		if (change.deleted()) {
			return this.recorder.delete(primary, change.type(), held.id(), now, inbound)
				.flatMap((tombstone) -> this.links.tombstone(change.catalog(), change.type(), held.id(), tombstone.version())
					.then(marked(primary, InboundOutcome.of(change, held.id(), Kind.DELETED), change)))
				.defaultIfEmpty(InboundOutcome.of(change, held.id(), Kind.DUPLICATE));
		}
		if (change.version() != null && change.version() < held.version()) {
			return without(change, held.id(), Kind.STALE);
		}
		Map<String, Object> changes = differences(change, held);
		if (changes.isEmpty()) {
			return link(change, held.id()).then(without(change, held.id(), Kind.UNCHANGED));
		}
		return this.recorder.update(primary, change.type(), held.id(), changes, now, inbound)
			.flatMap((written) -> link(change, held.id())
				.then(marked(primary, InboundOutcome.of(change, held.id(), Kind.UPDATED), change)))
			.defaultIfEmpty(InboundOutcome.of(change, held.id(), Kind.DUPLICATE));
	}

	/** A change of an entity the primary does not hold (any more): a deleted entity is not brought back. */
	private Mono<InboundOutcome> unheld(InboundChange change, UUID entityId) {
		return without(change, entityId, change.deleted() ? Kind.UNCHANGED : Kind.STALE);
	}

	/** A change of an object the gateway knows nothing of: a new entity. */
	private Mono<InboundOutcome> create(Catalog primary, InboundChange change) {
		Map<String, Object> attributes = new LinkedHashMap<>(change.attributes());
		if (change.type().equals(EntityTypes.CUSTOMER) && attributes.get(Customer.NAME) == null) {
			attributes.put(Customer.NAME, attributes.get(Customer.EMAIL));
		}
		for (FieldDef field : change.type().attributes()) {
			if (field.required() && attributes.get(field.name()) == null) {
				return without(change, null, Kind.INCOMPLETE);
			}
		}
		Entity entity = Entity.create(change.type(), UUID.randomUUID(), this.clock.instant(), attributes);
		ChangeRecorder.Inbound inbound = inbound(primary, change, entity.id());
		return this.recorder.create(primary, entity, inbound)
			.flatMap((written) -> link(change, written.id())
				.then(marked(primary, InboundOutcome.of(change, written.id(), Kind.CREATED), change)))
			.defaultIfEmpty(InboundOutcome.of(change, null, Kind.DUPLICATE));
	}

	/** The write's origin and guard; without a shared transaction the mark moves once the write succeeded. */
	private ChangeRecorder.Inbound inbound(Catalog primary, InboundChange change, UUID entityId) {
		return new ChangeRecorder.Inbound(change.catalog(),
				this.marks.guard(change, entityId, this.store.sharedWith(primary).isPresent()));
	}

	/** Moves the mark after a write outside the control store's transaction (a no-op when it moved with the write). */
	private Mono<InboundOutcome> marked(Catalog primary, InboundOutcome outcome, InboundChange change) {
		return this.store.sharedWith(primary).isPresent() ? Mono.just(outcome)
				: this.marks.advanceAlone(change, outcome.entityId()).thenReturn(outcome);
	}

	/** An outcome without a write; the mark still moves, so an older state of the object is not applied after it. */
	private Mono<InboundOutcome> without(InboundChange change, UUID entityId, Kind kind) {
		return this.marks.advanceAlone(change, entityId).thenReturn(InboundOutcome.of(change, entityId, kind));
	}

	private Mono<Entity> byEmail(Catalog primary, InboundChange change) {
		Object email = change.attributes().get(Customer.EMAIL);
		if (!change.type().equals(EntityTypes.CUSTOMER) || email == null) {
			return Mono.empty();
		}
		return primary.list(change.type(), PageRequest.first(1).where(Condition.eq(Customer.EMAIL, email)))
			.flatMap((page) -> Mono.justOrEmpty(page.items().stream().findFirst()));
	}

	/** The fields whose value differs from the primary's; a required field is never cleared. */
	private static Map<String, Object> differences(InboundChange change, Entity held) {
		Map<String, Object> changes = new LinkedHashMap<>();
		change.attributes().forEach((field, value) -> {
			boolean required = change.type().findField(field).map(FieldDef::required).orElse(false);
			if (!(required && value == null) && !same(value, held.attributes().get(field))) {
				changes.put(field, value);
			}
		});
		return changes;
	}

	private static boolean same(Object a, Object b) {
		if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
			return x.compareTo(y) == 0;
		}
		return Objects.equals(a, b);
	}

	private Mono<Void> link(InboundChange change, UUID entityId) {
		if (change.linked() && entityId.equals(change.entityId())) {
			return Mono.empty();
		}
		return this.links.link(change.catalog(), change.type(), entityId, change.remoteId())
			.onErrorResume(IllegalStateException.class, (ex) -> {
				logger.warn("{} object {} of catalog '{}' is linked to another entity than {}: link left as it is",
						change.type(), change.remoteId(), change.catalog(), entityId);
				return Mono.empty();
			});
	}

	private ApiCatalog apiCatalog(String name) {
		return this.registry.find(name)
			.flatMap((catalog) -> catalog.unwrap(ApiCatalog.class))
			.orElseThrow(() -> new UnknownCatalogException("'" + name + "' is not an API catalog"));
	}
}
