package io.catalogs.api.quickbooks;

import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.quickbooks.QuickBooksClient;
import io.catalogs.client.quickbooks.QuickBooksEntities;
import io.catalogs.spi.Operator;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * One QuickBooks Online entity (customers, invoices) as a {@link RemoteCollection}, for what the
 * entities share: equality filters on the queryable paths, no lookup by the gateway id ({@code Notes}
 * and {@code PrivateNote} cannot be queried), creates carrying the idempotency key as
 * {@code requestid}, sparse updates at the SyncToken just read, and a change feed. A subclass supplies
 * its schema, reads, listing, deletes, change feed and the conversion of its entity.
 *
 * @param <T> the entity as the client reads and writes it
 */
abstract class QuickBooksEntityCollection<T> implements RemoteCollection {

	final QuickBooksEntities<T> entities;

	final int pageSize;

	private final Map<String, String> queryable;

	private final Function<T, String> id;

	private final Function<T, String> syncToken;

	/**
	 * @param queryable the query's field name by path, for the paths lists can filter by equality
	 * @param id the entity's QuickBooks id
	 * @param syncToken the entity's SyncToken
	 */
	QuickBooksEntityCollection(QuickBooksEntities<T> entities, int pageSize, Map<String, String> queryable,
			Function<T, String> id, Function<T, String> syncToken) {
		this.entities = entities;
		this.pageSize = Math.min(pageSize, 1000);
		this.queryable = queryable;
		this.id = id;
		this.syncToken = syncToken;
	}

	/** The entity of {@code fields}: a sparse update of {@code id} at {@code syncToken}, or a new one (both {@code null}). */
	abstract T entity(Map<String, Object> fields, String id, String syncToken);

	@Override
	public boolean supports(String path, Operator operator) {
		return this.queryable.containsKey(path) && operator == Operator.EQ;
	}

	@Override
	public Mono<RemoteObject> findByEntityId(String idPath, String entityId) {
		return Mono.empty();
	}

	@Override
	public boolean consistentLookup() {
		return false;
	}

	/** The query condition of a listing: the first condition; the catalog checks the others on what comes back. */
	String where(List<RemoteCondition> conditions) {
		return conditions.isEmpty() ? null : this.queryable.get(conditions.get(0).path()) + " = "
				+ QuickBooksClient.literal((String) conditions.get(0).value());
	}

	@Override
	public Mono<String> create(Map<String, Object> fields, IdempotencyKey key) {
		return Mono.fromCallable(() -> entity(fields, null, null))
			.flatMap((entity) -> this.entities.create(entity, key))
			.map(this.id);
	}

	@Override
	public Mono<Void> update(String remoteId, Map<String, Object> fields) {
		return this.entities.get(remoteId)
			.flatMap((current) -> Mono.fromCallable(() -> entity(fields, remoteId, this.syncToken.apply(current))))
			.flatMap(this.entities::update)
			.then();
	}

	@Override
	public boolean changeFeed() {
		return true;
	}

	@Override
	public Mono<Void> ping() {
		return this.entities.query(null, 1, 1).then();
	}
}
