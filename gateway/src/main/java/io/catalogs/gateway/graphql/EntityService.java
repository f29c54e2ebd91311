package io.catalogs.gateway.graphql;

import io.catalogs.gateway.sync.ChangeRecorder;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.Page;
import io.catalogs.spi.Sort;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The queries and mutations of the API for any entity type, given its {@link EntityMapping}: resolves
 * the catalog ({@code null} = the type's primary), converts and validates input, assigns ids and
 * timestamps, and maps results to GraphQL objects. Controllers are thin per-type wrappers over it.
 *
 * <p>Every method returns without blocking; invalid input is signalled as {@link InvalidInputException},
 * catalog failures as the SPI's exceptions (mapped to classifications by
 * {@link GatewayExceptionResolver}).
 */
@Service
public class EntityService {

	private final CatalogRegistry registry;

	private final GraphQlPagingProperties paging;

	private final InputValidator validator;

	private final Clock clock;

	private final ChangeRecorder changes;

	/** A service whose writes go through {@code changes}, so that they are synced to the other catalogs. */
	public EntityService(CatalogRegistry registry, GraphQlPagingProperties paging, InputValidator validator,
			ObjectProvider<Clock> clock, ChangeRecorder changes) {
		this.registry = registry;
		this.paging = paging;
		this.validator = validator;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.changes = changes;
	}

	/** The entity with that id; completes empty (a {@code null} field) when there is none. */
	public <T> Mono<T> get(EntityMapping<T> mapping, String catalogName, String id) {
		return Mono.defer(() -> {
			Catalog catalog = this.registry.resolve(catalogName, mapping.type());
			return catalog.get(mapping.type(), parseId("id", id))
				.map((entity) -> mapping.toNode(entity, catalog.definition().name()));
		});
	}

	/** A window of the entities that meet {@code filter}, in the order of {@code orderBy}. */
	public Mono<EntityPage> list(EntityMapping<?> mapping, String catalogName, Map<String, Object> filter,
			Map<String, Object> orderBy, ConnectionArguments arguments) {
		return Mono.defer(() -> {
			Catalog catalog = this.registry.resolve(catalogName, mapping.type());
			Sort sort = mapping.sort(orderBy);
			String name = catalog.definition().name();
			return arguments.toPageRequest(mapping.type(), sort, mapping.conditions(filter), this.paging)
				.map((request) -> catalog.list(mapping.type(), request))
				.orElseGet(() -> Mono.just(Page.empty()))
				.map((page) -> new EntityPage(page, mapping.type(), sort, (entity) -> mapping.toNode(entity, name)));
		});
	}

	/**
	 * Create an entity from a create input: a new random id, created and updated now, version 1, the
	 * mapping's defaults where the input gives no value; references must name existing entities.
	 */
	public <T> Mono<T> create(EntityMapping<T> mapping, String catalogName, Map<String, Object> input) {
		return Mono.defer(() -> {
			EntityType type = mapping.type();
			Catalog catalog = this.registry.resolve(catalogName, type);
			Instant now = this.clock.instant();
			Map<String, Object> attributes = FieldValues.attributes(type, input);
			mapping.defaults().apply(now).forEach((field, value) -> {
				if (attributes.get(field) == null) {
					attributes.put(field, value);
				}
			});
			this.validator.validateCreate(type, attributes);
			Entity entity = Entity.create(type, UUID.randomUUID(), now, attributes);
			return checkReferences(mapping, catalog, attributes)
				.then(this.changes.create(catalog, entity))
				.map((created) -> mapping.toNode(created, catalog.definition().name()));
		});
	}

	/**
	 * Apply a patch: only the fields given change, an explicit {@code null} clears one. With
	 * {@code expectedVersion}, only if the stored version is that one.
	 */
	public <T> Mono<T> update(EntityMapping<T> mapping, String catalogName, String id, Map<String, Object> input,
			Integer expectedVersion) {
		return Mono.defer(() -> {
			EntityType type = mapping.type();
			Catalog catalog = this.registry.resolve(catalogName, type);
			UUID uuid = parseId("id", id);
			Map<String, Object> changes = FieldValues.attributes(type, input);
			this.validator.validatePatch(type, changes);
			Mono<Void> checks = checkReferences(mapping, catalog, changes);
			if (this.validator.needsCurrentState(changes)) {
				// cross-field rules (dueAt after issuedAt) need the stored values of fields not in the patch;
				// checked on a read before the write, so a concurrent write in between can slip through
				checks = checks.then(catalog.get(type, uuid)
					.switchIfEmpty(Mono.error(() -> new EntityNotFoundException(type, uuid)))
					.doOnNext((current) -> {
						Map<String, Object> merged = new LinkedHashMap<>(current.attributes());
						merged.putAll(changes);
						this.validator.validateState(merged);
					})
					.then());
			}
			Long expected = (expectedVersion != null) ? Long.valueOf(expectedVersion) : null;
			return checks.then(this.changes.update(catalog, type, uuid, changes, expected, this.clock.instant()))
				.map((updated) -> mapping.toNode(updated, catalog.definition().name()));
		});
	}

	/** Delete (a versioned tombstone); emits the id. */
	public Mono<String> delete(EntityMapping<?> mapping, String catalogName, String id, Integer expectedVersion) {
		return Mono.defer(() -> {
			Catalog catalog = this.registry.resolve(catalogName, mapping.type());
			Long expected = (expectedVersion != null) ? Long.valueOf(expectedVersion) : null;
			return this.changes.delete(catalog, mapping.type(), parseId("id", id), expected, this.clock.instant())
				.map((tombstone) -> tombstone.id().toString());
		});
	}

	/**
	 * Where entities of {@code type} referred to from catalog {@code from} are read: that catalog if it
	 * holds the type, else the type's primary.
	 */
	public Catalog referenceCatalog(Catalog from, EntityType type) {
		return from.definition().holds(type) ? from : this.registry.primary(type);
	}

	private Mono<Void> checkReferences(EntityMapping<?> mapping, Catalog catalog, Map<String, Object> attributes) {
		return Flux.fromIterable(mapping.references().entrySet())
			.filter((reference) -> attributes.get(reference.getKey()) != null)
			.concatMap((reference) -> {
				UUID id = (UUID) attributes.get(reference.getKey());
				EntityType type = reference.getValue();
				return referenceCatalog(catalog, type).get(type, id)
					.switchIfEmpty(Mono.error(() -> new ReferenceNotFoundException(reference.getKey(), type, id)));
			})
			.then();
	}

	static UUID parseId(String argument, String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException(argument, "is not a valid ID (a UUID)");
		}
	}

	/** The paging limits in force. */
	GraphQlPagingProperties paging() {
		return this.paging;
	}
}
