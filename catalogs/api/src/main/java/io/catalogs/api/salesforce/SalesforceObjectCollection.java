package io.catalogs.api.salesforce;

import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.salesforce.SalesforceObjects;
import io.catalogs.client.salesforce.SalesforceSaveResult;
import io.catalogs.client.salesforce.Soql;
import io.catalogs.spi.Operator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One Salesforce sObject the gateway writes (contacts, invoices) as a {@link RemoteCollection}: reads by
 * id and by the gateway id (External ID, read from the record, so lookups are consistent), lists
 * filtered by equality on one text field through SOQL, creates as upserts by the gateway id, updates,
 * deletes (to the recycle bin) and the change feed by {@code SystemModstamp} ({@link SalesforceChangeFeed}),
 * answered once for all. A subclass supplies its schema and the conversions of its record.
 *
 * @param <R> the record as the client reads it
 * @param <W> the fields as the client writes them on create
 */
abstract class SalesforceObjectCollection<R, W> implements RemoteCollection {

	static final String GATEWAY_ID = SalesforceObjects.GATEWAY_ID_FIELD;

	private final SalesforceObjects<R, W> records;

	private final String described;

	private final Set<String> textFields;

	private final Function<R, RemoteObject> toRemote;

	private final int batchSize;

	private final SalesforceChangeFeed<R> feed;

	/**
	 * @param described the record in error messages ("a Salesforce Contact")
	 * @param textFields the text paths lists can filter by equality
	 */
	SalesforceObjectCollection(SalesforceObjects<R, W> records, int pageSize, String described, Set<String> textFields,
			Function<R, RemoteObject> toRemote, Function<R, String> systemModstamp, Function<R, Boolean> deleted) {
		this.records = records;
		this.described = described;
		this.textFields = textFields;
		this.toRemote = toRemote;
		this.batchSize = Math.max(200, Math.min(pageSize, 2000));
		this.feed = new SalesforceChangeFeed<>(records, this.batchSize, toRemote, systemModstamp, deleted);
	}

	/** The fields of a new record, from the mapped {@code fields}. */
	abstract W createFields(Map<String, Object> fields);

	/** The body of a PATCH from the mapped {@code fields}, with explicit nulls for cleared fields. */
	abstract Map<String, Object> updateBody(Map<String, Object> fields);

	@Override
	public boolean supports(String path, Operator operator) {
		return this.textFields.contains(path) && operator == Operator.EQ;
	}

	@Override
	public Mono<RemoteObject> get(String remoteId) {
		return this.records.get(remoteId).map(this.toRemote);
	}

	@Override
	public Mono<RemoteObject> findByEntityId(String idPath, String entityId) {
		return GATEWAY_ID.equals(idPath) ? this.records.findByGatewayId(entityId).map(this.toRemote) : Mono.empty();
	}

	@Override
	public boolean consistentLookup() {
		return true;
	}

	@Override
	public Flux<RemoteObject> list(List<RemoteCondition> conditions) {
		// one condition goes into the SOQL; the catalog checks the others on what comes back
		String where = conditions.isEmpty() ? null
				: conditions.get(0).path() + " = " + Soql.literal((String) conditions.get(0).value());
		return this.records.all(where, null, this.batchSize).map(this.toRemote);
	}

	@Override
	public Mono<String> create(Map<String, Object> fields, IdempotencyKey key) {
		String gatewayId = (String) fields.get(GATEWAY_ID);
		if (gatewayId == null) {
			return Mono.error(new IllegalArgumentException(this.described + " is created with its " + GATEWAY_ID));
		}
		return this.records.upsertByGatewayId(gatewayId, createFields(fields)).map(SalesforceSaveResult::id);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Mono<Void> update(String remoteId, Map<String, Object> fields) {
		// the client's write record leaves nulls out (a PATCH then keeps the field): clearing one
		// needs an explicit null, so the same PATCH is sent with a map (see the module README)
		return ((SalesforceObjects) this.records).update(remoteId, updateBody(fields));
	}

	@Override
	public Mono<Void> delete(String remoteId) {
		return this.records.delete(remoteId);
	}

	@Override
	public Mono<Void> ping() {
		return this.records.findByGatewayId(new UUID(0, 0).toString()).then();
	}

	@Override
	public boolean changeFeed() {
		return true;
	}

	@Override
	public Flux<RemoteChange> modifiedSince(Instant since) {
		return this.feed.modifiedSince(since);
	}

	@Override
	public Mono<RemoteChange> current(String remoteId) {
		return this.feed.current(remoteId);
	}
}
