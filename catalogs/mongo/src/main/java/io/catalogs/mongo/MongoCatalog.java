package io.catalogs.mongo;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Capability;
import io.catalogs.spi.CapabilityCheck;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.DuplicateEntityException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.VersionConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static io.catalogs.mongo.MongoDocumentMapper.DELETED;
import static io.catalogs.mongo.MongoDocumentMapper.ID;
import static io.catalogs.mongo.MongoDocumentMapper.VERSION;

/**
 * The catalog contract on MongoDB through the official reactive driver: one collection per entity
 * type (see {@link MongoCollectionMapping}), one document per entity keyed by the id's text (see
 * {@link MongoDocumentMapper}). Filters, order and keyset windows are evaluated by the server
 * ({@link MongoQueryTranslator}); version checks are part of each write's filter, so they are atomic
 * with it without transactions.
 *
 * <p>Owns its {@link MongoClient} and closes it in {@link #close()}.
 */
public class MongoCatalog implements Catalog {

	private static final int APPLY_ATTEMPTS = 5;

	private final CatalogDefinition definition;

	private final MongoClient client;

	private final MongoDatabase database;

	private final Map<EntityType, MongoCollection<Document>> collections = new LinkedHashMap<>();

	private final Set<Capability> capabilities;

	private final MongoIndexInitializer indexes;

	private final MongoErrorTranslator errors;

	/**
	 * A catalog on {@code databaseName}; no round trip happens until the first call.
	 * @throws IllegalArgumentException if the definition names an entity type Mongo cannot hold
	 */
	public MongoCatalog(CatalogDefinition definition, MongoClient client, String databaseName) {
		this.definition = definition;
		this.client = client;
		this.database = client.getDatabase(databaseName);
		List<MongoCollectionMapping> mappings = MongoCollectionMapping.of(definition.entityTypes());
		for (MongoCollectionMapping mapping : mappings) {
			this.collections.put(mapping.type(), this.database.getCollection(mapping.collection()));
		}
		this.capabilities = Collections
			.unmodifiableSet(MongoQueryTranslator.capabilities(definition.entityTypes()));
		this.indexes = new MongoIndexInitializer(definition.name(), this.database, mappings);
		this.errors = new MongoErrorTranslator(definition.name());
	}

	@Override
	public CatalogDefinition definition() {
		return this.definition;
	}

	@Override
	public Set<Capability> capabilities() {
		return this.capabilities;
	}

	/** Completes when the collections' indexes exist; fails while the server cannot be reached. */
	public Mono<Void> createIndexes() {
		return this.indexes.ready().onErrorMap(this.errors::translate);
	}

	@Override
	public Mono<Entity> get(EntityType type, UUID id) {
		return onCollection(type, collection -> Mono.from(collection.find(MongoQueryTranslator.live(id)).first()))
			.map(document -> MongoDocumentMapper.toEntity(type, document));
	}

	@Override
	public Flux<Entity> getMany(EntityType type, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		List<String> keys = new LinkedHashSet<>(ids).stream().map(UUID::toString).toList();
		Bson filter = Filters.and(Filters.in(ID, keys), Filters.eq(DELETED, false));
		return onCollection(type, collection -> Flux.from(collection.find(filter)).collectList())
			.flatMapIterable(documents -> documents)
			.map(document -> MongoDocumentMapper.toEntity(type, document));
	}

	@Override
	public Mono<Page> list(EntityType type, PageRequest request) {
		return Mono.fromRunnable(() -> CapabilityCheck.verify(this, type, request))
			.then(onCollection(type, collection -> Flux
				.from(collection.find(MongoQueryTranslator.filter(type, request))
					.sort(MongoQueryTranslator.sort(request))
					.limit(MongoQueryTranslator.probeSize(request)))
				.collectList()))
			.map(documents -> Page.fromProbe(toEntities(type, documents), request));
	}

	@Override
	public Mono<Map<Object, Page>> listGrouped(EntityType type, String groupField, Collection<?> groupValues,
			PageRequest request) {
		return Mono.fromRunnable(() -> CapabilityCheck.verifyGrouped(this, type, groupField, request))
			.then(onCollection(type,
					collection -> new MongoGroupedListing(type, groupField, groupValues, request).read(collection)));
	}

	@Override
	public Mono<Entity> create(Entity entity) {
		return onCollection(entity.type(),
				collection -> Mono.from(collection.insertOne(MongoDocumentMapper.toDocument(entity)))
					.thenReturn(entity)
					.onErrorMap(MongoErrorTranslator::isDuplicateKey,
							error -> new DuplicateEntityException(entity.type(), entity.id())));
	}

	@Override
	public Mono<Entity> update(EntityType type, UUID id, Map<String, Object> changes, Long expectedVersion,
			Instant now) {
		return onCollection(type, collection -> {
			List<Bson> updates = new ArrayList<>();
			changes.forEach((name, value) -> {
				FieldDef field = type.field(name);
				if (field.system()) {
					throw new IllegalArgumentException(name + " is not a writable field of " + type);
				}
				updates.add((value == null) ? Updates.unset(name)
						: Updates.set(name, MongoDocumentMapper.toBson(field.type(), value)));
			});
			return writeLive(type, collection, id, expectedVersion, now, updates);
		});
	}

	@Override
	public Mono<Entity> delete(EntityType type, UUID id, Long expectedVersion, Instant now) {
		return onCollection(type, collection -> writeLive(type, collection, id, expectedVersion, now,
				List.of(Updates.set(DELETED, true))));
	}

	@Override
	public Mono<ApplyResult> applyIfNewer(Entity incoming) {
		return onCollection(incoming.type(), collection -> applyIfNewer(collection, incoming, APPLY_ATTEMPTS));
	}

	@Override
	public Mono<Void> ping() {
		return Mono.from(this.database.runCommand(new Document("ping", 1)))
			.then()
			.onErrorMap(this.errors::translate);
	}

	/**
	 * The driver's {@link MongoClient} or the catalog's {@link MongoDatabase}, for collaborators that
	 * work with MongoDB directly (sessions, an outbox collection next to the entities).
	 */
	@Override
	public <R> Optional<R> unwrap(Class<R> type) {
		if (type.isInstance(this.database)) {
			return Optional.of(type.cast(this.database));
		}
		if (type.isInstance(this.client)) {
			return Optional.of(type.cast(this.client));
		}
		return Optional.empty();
	}

	@Override
	public Mono<Void> close() {
		return Mono.fromRunnable(this.client::close);
	}

	/**
	 * Applies {@code updates} to the live entity with that id (at the expected version, if given),
	 * bumping its version and setting {@code updatedAt}, all in one atomic findOneAndUpdate.
	 */
	private Mono<Entity> writeLive(EntityType type, MongoCollection<Document> collection, UUID id,
			Long expectedVersion, Instant now, List<Bson> updates) {
		Bson filter = MongoQueryTranslator.live(id);
		if (expectedVersion != null) {
			filter = Filters.and(filter, Filters.eq(VERSION, expectedVersion));
		}
		List<Bson> all = new ArrayList<>(updates);
		all.add(Updates.set(EntityType.UPDATED_AT, MongoDocumentMapper.toBson(FieldType.TIMESTAMP, now)));
		all.add(Updates.inc(VERSION, 1L));
		FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
		return Mono.from(collection.findOneAndUpdate(filter, Updates.combine(all), options))
			.map(document -> MongoDocumentMapper.toEntity(type, document))
			.switchIfEmpty(Mono.defer(() -> explainMiss(type, collection, id, expectedVersion)));
	}

	/** Why a write matched nothing: no live entity, or another version than expected. */
	private Mono<Entity> explainMiss(EntityType type, MongoCollection<Document> collection, UUID id,
			Long expectedVersion) {
		return storedVersion(collection, MongoQueryTranslator.live(id))
			.flatMap(actual -> {
				if (expectedVersion != null && !actual.equals(expectedVersion)) {
					return Mono.<Entity>error(new VersionConflictException(type, id, expectedVersion, actual));
				}
				// it came back to life (a newer change applied) after the write missed it
				return Mono.<Entity>error(new EntityNotFoundException(type, id));
			})
			.switchIfEmpty(Mono.error(() -> new EntityNotFoundException(type, id)));
	}

	/**
	 * Replaces the document only where its version is older, inserting it when there is none. A
	 * duplicate key means a document exists that the filter did not match: usually one at least as
	 * new (stale), but it may also have been inserted by a concurrent upsert of an older version
	 * since this one was filtered, so the stored version is read and the write tried again if older.
	 */
	private Mono<ApplyResult> applyIfNewer(MongoCollection<Document> collection, Entity incoming, int attempts) {
		String id = incoming.id().toString();
		Bson olderOrAbsent = Filters.and(Filters.eq(ID, id), Filters.lt(VERSION, incoming.version()));
		Document document = MongoDocumentMapper.toDocument(incoming);
		return Mono.from(collection.replaceOne(olderOrAbsent, document, new ReplaceOptions().upsert(true)))
			.thenReturn(ApplyResult.APPLIED)
			.onErrorResume(MongoErrorTranslator::isDuplicateKey,
					duplicate -> storedVersion(collection, Filters.eq(ID, id))
						.filter(stored -> stored >= incoming.version())
						.map(stored -> ApplyResult.STALE)
						.switchIfEmpty(Mono.defer(() -> (attempts <= 1) ? Mono.error(duplicate)
								: applyIfNewer(collection, incoming, attempts - 1))));
	}

	/** The version of the document that {@code filter} finds; completes empty if there is none. */
	private static Mono<Long> storedVersion(MongoCollection<Document> collection, Bson filter) {
		return Mono.from(collection.find(filter).projection(Projections.include(VERSION)).first())
			.map(document -> ((Number) document.get(VERSION)).longValue());
	}

	private List<Entity> toEntities(EntityType type, List<Document> documents) {
		return documents.stream().map(document -> MongoDocumentMapper.toEntity(type, document)).toList();
	}

	/** Runs {@code work} on the collection of {@code type} once the indexes are ready, translating failures. */
	private <T> Mono<T> onCollection(EntityType type, Function<MongoCollection<Document>, Mono<T>> work) {
		return Mono.defer(() -> {
			MongoCollection<Document> collection = this.collections.get(type);
			if (collection == null) {
				return Mono.error(new IllegalArgumentException(
						"catalog '" + this.definition.name() + "' holds no " + type + " entities"));
			}
			return this.indexes.ready().then(Mono.defer(() -> work.apply(collection)));
		}).onErrorMap(this.errors::translate);
	}
}
