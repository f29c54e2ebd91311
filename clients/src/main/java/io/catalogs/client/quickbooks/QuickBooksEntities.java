package io.catalogs.client.quickbooks;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.http.JsonMappers;
import io.catalogs.client.http.NotFoundClientException;
import io.catalogs.client.http.Paging;
import io.catalogs.client.http.VendorHttpClient;
import io.catalogs.client.http.VendorRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One QuickBooks Online entity type ({@code Customer}, {@code Invoice}) through the Accounting
 * API: {@code /v3/company/<realm>/<entity>} and the query endpoint. Every create carries a
 * {@code requestid} derived from the sync event, QuickBooks' idempotency mechanism: a repeated
 * request with the same id gets the first request's response instead of creating again. Errors
 * are {@link io.catalogs.client.http.ClientException}s; a missing entity reads as empty.
 *
 * @param <T> the entity record
 */
public final class QuickBooksEntities<T> {

	private final VendorHttpClient http;

	private final String base;

	private final String entity;

	private final Class<T> type;

	private final int minorVersion;

	QuickBooksEntities(VendorHttpClient http, String realmId, int minorVersion, String entity, Class<T> type) {
		this.http = http;
		this.base = "/v3/company/" + VendorRequest.segment(realmId);
		this.entity = entity;
		this.type = type;
		this.minorVersion = minorVersion;
	}

	/** Creates {@code entity}, sent with {@code requestId} as {@code requestid}: repeating it returns the first result. */
	public Mono<T> create(T entity, IdempotencyKey requestId) {
		return read(this.http.exchange(post(entity).withQuery("requestid", requestId.value()), JsonNode.class));
	}

	/** The entity with QuickBooks id {@code id}; empty when there is none. */
	public Mono<T> get(String id) {
		return read(this.http.exchange(VendorRequest.get(path() + "/" + VendorRequest.segment(id))
			.withQuery("minorversion", this.minorVersion), JsonNode.class))
			.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty());
	}

	/**
	 * Writes a sparse update (the entity carries {@code Id}, the {@code SyncToken} it was read at,
	 * and {@code sparse: true}). A stale token is refused with a 400 (code 5010): read again and retry.
	 */
	public Mono<T> update(T sparseEntity) {
		return read(this.http.exchange(post(sparseEntity), JsonNode.class));
	}

	/**
	 * Runs {@code operation} ({@code delete}, {@code void}) on the entity at {@code syncToken}
	 * (transactions only; QuickBooks cannot delete customers, deactivate them instead).
	 * A delete of an entity already gone completes normally.
	 */
	public Mono<Void> operation(String operation, String id, String syncToken) {
		Mono<Void> call = this.http.exchange(VendorRequest.post(path(), Map.of("Id", id, "SyncToken", syncToken))
			.withQuery("operation", operation)
			.withQuery("minorversion", this.minorVersion));
		return operation.equals("delete") ? call.onErrorResume(NotFoundClientException.class, (missing) -> Mono.empty()) : call;
	}

	/**
	 * One page of {@code select * from <Entity> [where where]}.
	 *
	 * @param where a query-language condition, such as {@code DocNumber = '1001'} (quote with
	 *        {@link QuickBooksClient#literal}), or {@code null}
	 * @param startPosition 1-based position of the first entity
	 * @param maxResults page size, at most 1,000
	 */
	public Mono<QuickBooksPage<T>> query(String where, int startPosition, int maxResults) {
		return query(where, null, startPosition, maxResults);
	}

	/**
	 * One page of {@code select * from <Entity> [where where] [orderby orderBy]}.
	 *
	 * @param where a query-language condition, or {@code null}
	 * @param orderBy a property to order by, such as {@code MetaData.LastUpdatedTime}, or {@code null}
	 * @param startPosition 1-based position of the first entity
	 * @param maxResults page size, at most 1,000
	 */
	public Mono<QuickBooksPage<T>> query(String where, String orderBy, int startPosition, int maxResults) {
		String statement = "select * from " + this.entity + ((where != null) ? " where " + where : "")
				+ ((orderBy != null) ? " orderby " + orderBy : "")
				+ " STARTPOSITION " + startPosition + " MAXRESULTS " + maxResults;
		return this.http.exchange(VendorRequest.get(this.base + "/query")
			.withQuery("query", statement)
			.withQuery("minorversion", this.minorVersion), JsonNode.class)
			.map((body) -> {
				List<T> items = new ArrayList<>();
				for (JsonNode item : body.path("QueryResponse").path(this.entity)) {
					items.add(JsonMappers.vendor().treeToValue(item, this.type));
				}
				return new QuickBooksPage<>(items, startPosition, maxResults);
			});
	}

	/**
	 * The entities of this type deleted at or after {@code since}, from the change data capture
	 * endpoint ({@code GET /cdc?entities=<Entity>&changedSince=...}): the only place QuickBooks
	 * reports deletions. Intuit answers for the last 30 days only and with at most 1,000 entities
	 * per type (changed ones included), so look back no further and often enough.
	 */
	public Flux<QuickBooksDeletion> deletedSince(OffsetDateTime since) {
		return this.http.exchange(VendorRequest.get(this.base + "/cdc")
			.withQuery("entities", this.entity)
			.withQuery("changedSince", since.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.withQuery("minorversion", this.minorVersion), JsonNode.class)
			.flatMapIterable((body) -> {
				List<QuickBooksDeletion> deleted = new ArrayList<>();
				for (JsonNode response : body.path("CDCResponse")) {
					for (JsonNode query : response.path("QueryResponse")) {
						for (JsonNode item : query.path(this.entity)) {
							if ("Deleted".equals(item.path("status").asString(null))) {
								deleted.add(new QuickBooksDeletion(item.path("Id").asString(),
										OffsetDateTime.parse(item.path("MetaData").path("LastUpdatedTime").asString())));
							}
						}
					}
				}
				return deleted;
			});
	}

	/** Every entity matching {@code where}, page after page (STARTPOSITION/MAXRESULTS) as they are consumed. */
	public Flux<T> all(String where, int pageSize) {
		return Paging.items(query(where, 1, pageSize),
				(page) -> page.nextStartPosition().map((next) -> query(where, next, pageSize)).orElse(Mono.empty()),
				QuickBooksPage::items);
	}

	private VendorRequest post(Object body) {
		return VendorRequest.post(path(), body).withQuery("minorversion", this.minorVersion);
	}

	private Mono<T> read(Mono<JsonNode> response) {
		return response.map((body) -> JsonMappers.vendor().treeToValue(body.path(this.entity), this.type));
	}

	private String path() {
		return this.base + "/" + this.entity.toLowerCase(Locale.ROOT);
	}
}
