package io.catalogs.gateway.graphql;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;
import io.catalogs.spi.UnknownCatalogException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Loads the entities related to a page of others in one catalog call per level of the query, whatever
 * the page size: nested connections ({@code Customer.invoices}) through one
 * {@link Catalog#listGrouped} per catalog and window, references ({@code Invoice.customer}) through
 * one {@link Catalog#getMany} per catalog. Registers two DataLoaders (named after their value types
 * {@link Page} and {@link Entity}) that controllers receive as arguments.
 */
@Component
public class RelationBatchLoaders {

	/** One listing window over a catalog, shared by the group values batched together. */
	public record GroupQuery(String catalog, EntityType type, String groupField, PageRequest request) {
	}

	/** The window of {@code query} over the entities whose group field equals {@code groupValue}. */
	public record GroupKey(GroupQuery query, Object groupValue) {
	}

	/** The entity of {@code type} with {@code id} in {@code catalog}. */
	public record ReferenceKey(String catalog, EntityType type, UUID id) {
	}

	private final CatalogRegistry registry;

	private final EntityService entities;

	public RelationBatchLoaders(BatchLoaderRegistry loaders, CatalogRegistry registry, EntityService entities) {
		this.registry = registry;
		this.entities = entities;
		loaders.forTypePair(GroupKey.class, Page.class).registerMappedBatchLoader((keys, env) -> loadGroups(keys));
		loaders.forTypePair(ReferenceKey.class, Entity.class)
			.registerMappedBatchLoader((keys, env) -> loadReferences(keys));
	}

	/**
	 * The window of {@code mapping}'s entities in catalog {@code catalogName} whose {@code groupField}
	 * equals {@code groupValue} and that meet {@code filter}, in the default order, read forwards; an
	 * empty page if that catalog does not hold the type.
	 */
	public CompletableFuture<EntityPage> related(DataLoader<GroupKey, Page> loader, EntityMapping<?> mapping,
			String groupField, String catalogName, Object groupValue, Map<String, Object> filter,
			ConnectionArguments arguments) {
		EntityType type = mapping.type();
		Sort sort = Sort.DEFAULT;
		Catalog catalog = catalog(catalogName);
		PageRequest request = arguments.toPageRequest(type, sort, mapping.conditions(filter), this.entities.paging())
			.orElse(null);
		if (!catalog.definition().holds(type) || request == null) {
			return CompletableFuture.completedFuture(new EntityPage(Page.empty(), type, sort, (entity) -> null));
		}
		GroupKey key = new GroupKey(new GroupQuery(catalogName, type, groupField, request), groupValue);
		return loader.load(key)
			.thenApply((page) -> new EntityPage((page != null) ? page : Page.empty(), type, sort,
					(entity) -> mapping.toNode(entity, catalogName)));
	}

	/**
	 * The entity {@code id} refers to, read from catalog {@code fromCatalog} if it holds the type, else
	 * from the type's primary; {@code null} if there is none.
	 */
	public <T> CompletableFuture<T> reference(DataLoader<ReferenceKey, Entity> loader, EntityMapping<T> mapping,
			String fromCatalog, UUID id) {
		if (id == null) {
			return CompletableFuture.completedFuture(null);
		}
		Catalog catalog = this.entities.referenceCatalog(catalog(fromCatalog), mapping.type());
		String name = catalog.definition().name();
		return loader.load(new ReferenceKey(name, mapping.type(), id))
			.thenApply((entity) -> (entity != null) ? mapping.toNode(entity, name) : null);
	}

	private Mono<Map<GroupKey, Page>> loadGroups(Set<GroupKey> keys) {
		Map<GroupQuery, List<GroupKey>> byQuery = keys.stream().collect(Collectors.groupingBy(GroupKey::query));
		return Flux.fromIterable(byQuery.entrySet()).flatMap((batch) -> {
			GroupQuery query = batch.getKey();
			List<Object> values = batch.getValue().stream().map(GroupKey::groupValue).distinct().toList();
			return catalog(query.catalog()).listGrouped(query.type(), query.groupField(), values, query.request())
				.map((pages) -> batch.getValue().stream()
					.collect(Collectors.toMap((key) -> key, (key) -> pages.getOrDefault(key.groupValue(), Page.empty()))));
		}).reduceWith(HashMap::new, RelationBatchLoaders::merge);
	}

	private Mono<Map<ReferenceKey, Entity>> loadReferences(Set<ReferenceKey> keys) {
		Map<List<Object>, List<ReferenceKey>> byCatalog = keys.stream()
			.collect(Collectors.groupingBy((key) -> List.of(key.catalog(), key.type())));
		return Flux.fromIterable(byCatalog.values()).flatMap((batch) -> {
			ReferenceKey first = batch.get(0);
			List<UUID> ids = batch.stream().map(ReferenceKey::id).distinct().toList();
			return catalog(first.catalog()).getMany(first.type(), ids)
				.collectMap((entity) -> new ReferenceKey(first.catalog(), first.type(), entity.id()));
		}).reduceWith(HashMap::new, RelationBatchLoaders::merge);
	}

	private Catalog catalog(String name) {
		return this.registry.find(name).orElseThrow(() -> UnknownCatalogException.named(name));
	}

	private static <K, V> Map<K, V> merge(Map<K, V> all, Map<K, V> more) {
		all.putAll(more);
		return all;
	}
}
