package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.graphql.EntityMappings;
import io.catalogs.gateway.graphql.EntityService;
import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.schema.Customer;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.UnknownCatalogException;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * The GraphQL subscriptions, served over graphql-transport-ws ({@code spring.graphql.websocket.path})
 * and over Server-Sent Events ({@code POST /graphql} with {@code Accept: text/event-stream}). Both
 * stream what this instance's {@link SyncStatusFeed} receives from now on, whichever instance
 * produced it; nothing is replayed (the {@code syncEvents} query has the history).
 */
@Controller
public class SubscriptionController {

	private final SyncStatusFeed feed;

	private final CustomerChangeFeed customerChanges;

	private final CatalogRegistry registry;

	private final EntityService entities;

	public SubscriptionController(SyncStatusFeed feed, CustomerChangeFeed customerChanges, CatalogRegistry registry,
			EntityService entities) {
		this.feed = feed;
		this.customerChanges = customerChanges;
		this.registry = registry;
		this.entities = entities;
	}

	/**
	 * Every state change of sync events, of one entity and/or one target catalog when given. An
	 * {@code entityId} that is not a UUID is {@code BAD_REQUEST}, an unknown catalog
	 * {@code UNKNOWN_CATALOG}.
	 */
	@SubscriptionMapping
	public Flux<SyncEventRecord> syncStatus(@Argument String entityId, @Argument String catalog) {
		UUID id = (entityId != null) ? SyncQueryController.parseId("entityId", entityId) : null;
		if (catalog != null && this.registry.find(catalog).isEmpty()) {
			throw UnknownCatalogException.named(catalog);
		}
		return this.feed.events()
			.filter((event) -> (id == null || id.equals(event.entityId()))
					&& (catalog == null || catalog.equals(event.target())));
	}

	/**
	 * Every change to a customer as a catalog comes to hold it: at the source when it commits, at each
	 * target when its sync event is applied; of one catalog when given (which must hold customers).
	 */
	@SubscriptionMapping
	public Flux<CustomerChange> customerChanged(@Argument String catalog) {
		if (catalog != null) {
			this.registry.resolve(catalog, EntityTypes.CUSTOMER);
		}
		return this.customerChanges.changes(catalog);
	}

	/**
	 * The customer as the change's catalog holds it when the event is sent (which may already be a
	 * newer version); {@code null} for a delete or when the catalog no longer holds it. A catalog
	 * that cannot be read gives a {@code CATALOG_UNAVAILABLE} error on this event only.
	 */
	@SchemaMapping(typeName = "CustomerChange")
	public Mono<Customer> customer(CustomerChange change) {
		if (change.isDelete()) {
			return Mono.empty();
		}
		return this.entities.get(EntityMappings.CUSTOMER, change.catalog(), change.id());
	}
}
