package io.catalogs.gateway.graphql;

import io.catalogs.gateway.graphql.RelationBatchLoaders.ReferenceKey;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.Invoice;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The invoice queries and mutations, and an invoice's customer: thin wrappers over {@link EntityService}. */
@Controller
public class InvoiceController {

	private final EntityService entities;

	private final RelationBatchLoaders relations;

	public InvoiceController(EntityService entities, RelationBatchLoaders relations) {
		this.entities = entities;
		this.relations = relations;
	}

	@QueryMapping
	public Mono<Invoice> invoice(@Argument String id, @Argument String catalog) {
		return this.entities.get(EntityMappings.INVOICE, catalog, id);
	}

	@QueryMapping
	public Mono<EntityPage> invoices(@Argument String catalog, @Argument Map<String, Object> filter,
			@Argument Map<String, Object> orderBy, @Argument Integer first, @Argument String after,
			@Argument Integer last, @Argument String before) {
		return this.entities.list(EntityMappings.INVOICE, catalog, filter, orderBy,
				new ConnectionArguments(first, after, last, before));
	}

	@MutationMapping
	public Mono<Invoice> createInvoice(@Argument Map<String, Object> input, @Argument String catalog) {
		return this.entities.create(EntityMappings.INVOICE, catalog, input);
	}

	@MutationMapping
	public Mono<Invoice> updateInvoice(@Argument String id, @Argument Map<String, Object> input,
			@Argument Integer expectedVersion, @Argument String catalog) {
		return this.entities.update(EntityMappings.INVOICE, catalog, id, input, expectedVersion);
	}

	@MutationMapping
	public Mono<String> deleteInvoice(@Argument String id, @Argument Integer expectedVersion,
			@Argument String catalog) {
		return this.entities.delete(EntityMappings.INVOICE, catalog, id, expectedVersion);
	}

	/** The invoice's customer, batched across the invoices of a page ({@code null} if it is gone). */
	@SchemaMapping(typeName = "Invoice")
	public CompletableFuture<Customer> customer(Invoice invoice, DataLoader<ReferenceKey, Entity> loader) {
		return this.relations.reference(loader, EntityMappings.CUSTOMER, invoice.catalog(), invoice.customerId());
	}
}
