package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.graphql.GraphQlPagingProperties;
import io.catalogs.gateway.graphql.InvalidInputException;
import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.gateway.sync.api.SyncEventQueries.SyncEventPage;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;

import java.util.List;
import java.util.UUID;

import graphql.relay.Connection;
import graphql.relay.DefaultConnection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The sync queries: {@code syncEvents}, the history of sync events from the control store as a Relay
 * connection, newest first ({@code first} defaults to {@code catalogs.graphql.default-page-size} and
 * may not exceed {@code max-page-size}); and {@code customerAcrossCatalogs}, a customer as every
 * catalog holds it ({@link CatalogCopyReader}).
 */
@Controller
public class SyncQueryController {

	private final SyncEventQueries queries;

	private final GraphQlPagingProperties paging;

	private final CatalogCopyReader copies;

	public SyncQueryController(SyncEventQueries queries, GraphQlPagingProperties paging, CatalogCopyReader copies) {
		this.queries = queries;
		this.paging = paging;
		this.copies = copies;
	}

	@QueryMapping
	public Mono<Connection<SyncEventRecord>> syncEvents(@Argument String entityId, @Argument SyncState state,
			@Argument Integer first, @Argument String after) {
		return Mono.defer(() -> {
			UUID id = (entityId != null) ? parseId("entityId", entityId) : null;
			int size = pageSize(first);
			return this.queries.page(id, state, size, after).map(SyncQueryController::connection);
		});
	}

	@QueryMapping
	public Mono<List<CatalogCopy>> customerAcrossCatalogs(@Argument String id) {
		return Mono.defer(() -> this.copies.copies(EntityTypes.CUSTOMER, parseId("id", id)));
	}

	private int pageSize(Integer first) {
		if (first == null) {
			return this.paging.defaultPageSize();
		}
		if (first < 0) {
			throw new InvalidInputException("first", "must not be negative");
		}
		if (first > this.paging.maxPageSize()) {
			throw new InvalidInputException("first", "must be at most " + this.paging.maxPageSize());
		}
		return first;
	}

	private static Connection<SyncEventRecord> connection(SyncEventPage page) {
		List<Edge<SyncEventRecord>> edges = page.events()
			.stream()
			.map((event) -> (Edge<SyncEventRecord>) new DefaultEdge<>(event,
					new DefaultConnectionCursor(SyncEventQueries.cursor(event))))
			.toList();
		DefaultPageInfo pageInfo = new DefaultPageInfo(edges.isEmpty() ? null : edges.get(0).getCursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor(), page.hasPrevious(), page.hasNext());
		return new DefaultConnection<>(edges, pageInfo);
	}

	static UUID parseId(String argument, String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException(argument, "is not a valid ID (a UUID)");
		}
	}
}
