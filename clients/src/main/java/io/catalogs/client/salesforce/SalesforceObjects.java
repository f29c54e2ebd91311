package io.catalogs.client.salesforce;

import java.util.List;

import io.catalogs.client.http.NotFoundClientException;
import io.catalogs.client.http.Paging;
import io.catalogs.client.http.VendorHttpClient;
import io.catalogs.client.http.VendorRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;

/**
 * The records of one sObject type through the REST API ({@code /services/data/vXX.X/sobjects/...}
 * and SOQL {@code /query}): read as {@code R}, written as {@code W}. Creates are upserts on the
 * gateway id external-ID field, which Salesforce applies atomically: repeating one (after a
 * timeout, or a redelivered event) updates the record the first created instead of inserting a
 * second. Errors are {@link io.catalogs.client.http.ClientException}s; a missing record reads as empty.
 *
 * @param <R> the record as read
 * @param <W> the fields as written
 */
public final class SalesforceObjects<R, W> {

	/** The external-ID field holding our entity id, on every object the gateway writes. */
	public static final String GATEWAY_ID_FIELD = "Catalogs_Gateway_Id__c";

	private final VendorHttpClient http;

	private final String base;

	private final String sObject;

	private final Class<R> type;

	private final List<String> fields;

	private final ParameterizedTypeReference<SalesforceQueryResult<R>> queryType;

	SalesforceObjects(VendorHttpClient http, String apiVersion, String sObject, Class<R> type, List<String> fields) {
		this.http = http;
		this.base = "/services/data/" + apiVersion;
		this.sObject = sObject;
		this.type = type;
		this.fields = List.copyOf(fields);
		this.queryType = ParameterizedTypeReference.forType(
				ResolvableType.forClassWithGenerics(SalesforceQueryResult.class, type).getType());
	}

	/** The sObject's API name. */
	public String name() {
		return this.sObject;
	}

	/**
	 * Creates the record of {@code gatewayId} at most once: {@code PATCH .../sobjects/<name>/
	 * Catalogs_Gateway_Id__c/<gatewayId>} inserts it when absent and otherwise updates it with the
	 * same fields ({@link SalesforceSaveResult#created()} tells which).
	 */
	public Mono<SalesforceSaveResult> upsertByGatewayId(String gatewayId, W fields) {
		return this.http.exchange(VendorRequest.patch(byGatewayIdPath(gatewayId), fields), SalesforceSaveResult.class);
	}

	/** The record with Salesforce id {@code id}; empty when there is none. */
	public Mono<R> get(String id) {
		return this.http.exchange(VendorRequest.get(objectPath() + "/" + VendorRequest.segment(id))
			.withQuery("fields", String.join(",", this.fields)), this.type)
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** The record whose gateway id is {@code gatewayId} (read by external ID, not through search); empty when none. */
	public Mono<R> findByGatewayId(String gatewayId) {
		return this.http.exchange(VendorRequest.get(byGatewayIdPath(gatewayId)).withQuery("fields", String.join(",", this.fields)),
				this.type)
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/** Changes the given fields; errors with {@link NotFoundClientException} when the record is gone. */
	public Mono<Void> update(String id, W fields) {
		return this.http.exchange(VendorRequest.patch(objectPath() + "/" + VendorRequest.segment(id), fields));
	}

	/** Deletes the record (to the recycle bin); completes normally when it was already gone. */
	public Mono<Void> delete(String id) {
		return this.http.exchange(VendorRequest.delete(objectPath() + "/" + VendorRequest.segment(id)))
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/**
	 * The first batch of {@code SELECT <fields> FROM <name> [WHERE where] [ORDER BY orderBy]}.
	 *
	 * @param where a SOQL condition (quote values with {@link Soql#literal}), or {@code null}
	 * @param orderBy a SOQL order, or {@code null}
	 * @param batchSize records per batch, 200 to 2,000 (Salesforce may return fewer)
	 */
	public Mono<SalesforceQueryResult<R>> query(String where, String orderBy, int batchSize) {
		return query("/query", where, orderBy, batchSize);
	}

	/**
	 * Every record matching {@code where}, deleted ones (in the recycle bin, {@code IsDeleted = true})
	 * included: SOQL through {@code /queryAll}, batch after batch as they are consumed.
	 */
	public Flux<R> allIncludingDeleted(String where, String orderBy, int batchSize) {
		return Paging.items(query("/queryAll", where, orderBy, batchSize),
				(result) -> result.next().map(this::queryMore).orElse(Mono.empty()), SalesforceQueryResult::records);
	}

	private Mono<SalesforceQueryResult<R>> query(String resource, String where, String orderBy, int batchSize) {
		StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", this.fields))
			.append(" FROM ").append(this.sObject);
		if (where != null) {
			soql.append(" WHERE ").append(where);
		}
		if (orderBy != null) {
			soql.append(" ORDER BY ").append(orderBy);
		}
		return this.http.exchange(VendorRequest.get(this.base + resource)
			.withQuery("q", soql.toString())
			.withHeader("Sforce-Query-Options", "batchSize=" + batchSize), this.queryType);
	}

	/** The batch at {@code nextRecordsUrl} (from the previous batch). */
	public Mono<SalesforceQueryResult<R>> queryMore(String nextRecordsUrl) {
		return this.http.exchange(VendorRequest.get(nextRecordsUrl), this.queryType);
	}

	/** Every record matching {@code where}, batch after batch through {@code nextRecordsUrl} as they are consumed. */
	public Flux<R> all(String where, String orderBy, int batchSize) {
		return Paging.items(query(where, orderBy, batchSize),
				(result) -> result.next().map(this::queryMore).orElse(Mono.empty()), SalesforceQueryResult::records);
	}

	private String objectPath() {
		return this.base + "/sobjects/" + this.sObject;
	}

	private String byGatewayIdPath(String gatewayId) {
		return objectPath() + "/" + GATEWAY_ID_FIELD + "/" + VendorRequest.segment(gatewayId);
	}
}
