package io.catalogs.gateway.graphql;

import io.catalogs.gateway.graphql.RelationBatchLoaders.GroupKey;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Invoice;
import io.catalogs.spi.Page;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The customer queries and mutations, and a customer's invoices: thin wrappers over {@link EntityService}. */
@Controller
public class CustomerController {

	private final EntityService entities;

	private final RelationBatchLoaders relations;

	public CustomerController(EntityService entities, RelationBatchLoaders relations) {
		this.entities = entities;
		this.relations = relations;
	}

	@QueryMapping
	public Mono<Customer> customer(@Argument String id, @Argument String catalog) {
		return this.entities.get(EntityMappings.CUSTOMER, catalog, id);
	}

	@QueryMapping
	public Mono<EntityPage> customers(@Argument String catalog, @Argument Map<String, Object> filter,
			@Argument Map<String, Object> orderBy, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before) {
		return this.entities.list(EntityMappings.CUSTOMER, catalog, filter, orderBy,
				new ConnectionArguments(first, after, last, before));
	}

	@MutationMapping
	public Mono<Customer> createCustomer(@Argument Map<String, Object> input, @Argument String catalog) {
		return this.entities.create(EntityMappings.CUSTOMER, catalog, input);
	}

	@MutationMapping
	public Mono<Customer> updateCustomer(@Argument String id, @Argument Map<String, Object> input,
			@Argument Integer expectedVersion, @Argument String catalog) {
		return this.entities.update(EntityMappings.CUSTOMER, catalog, id, input, expectedVersion);
	}

	@MutationMapping
	public Mono<String> deleteCustomer(@Argument String id, @Argument Integer expectedVersion,
			@Argument String catalog) {
		return this.entities.delete(EntityMappings.CUSTOMER, catalog, id, expectedVersion);
	}

	/** This customer's invoices from the catalog it was read from, batched across the customers of a page. */
	@SchemaMapping(typeName = "Customer")
	public CompletableFuture<EntityPage> invoices(Customer customer, @Argument Integer first, @Argument String after,
			@Argument String status, DataLoader<GroupKey, Page> loader) {
		Map<String, Object> filter = new HashMap<>();
		filter.put("status", status);
		return this.relations.related(loader, EntityMappings.INVOICE, Invoice.CUSTOMER_ID, customer.catalog(),
				customer.id(), filter, ConnectionArguments.forward(first, after));
	}
}
