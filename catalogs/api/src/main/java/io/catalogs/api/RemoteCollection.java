package io.catalogs.api;

import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.spi.Operator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One kind of vendor object (Stripe customers, HubSpot contacts) as an API catalog stores entities
 * in it: the adapter each vendor writes over its client so that {@link ApiCatalog} holds all
 * catalog logic once. It speaks the flat {@link RemoteObject} form, knows nothing of entities or
 * mappings, and signals the client's {@link io.catalogs.client.http.ClientException}s as they come
 * (the catalog translates them).
 *
 * <p>Every method returns without blocking; calls happen on subscription and may run concurrently.
 */
public interface RemoteCollection {

	/** The paths of the vendor object that mappings may name. */
	RemoteSchema schema();

	/** Whether {@link #list} can filter on {@code path} with {@code operator} at the vendor. */
	boolean supports(String path, Operator operator);

	/** The object with vendor id {@code remoteId}; completes empty when there is none or it was deleted. */
	Mono<RemoteObject> get(String remoteId);

	/**
	 * The object whose {@code idPath} holds {@code entityId}, read from the vendor's primary store;
	 * completes empty when there is none, or at once when the vendor can only search an index that
	 * lags behind writes ({@link #consistentLookup()} is then {@code false}).
	 */
	Mono<RemoteObject> findByEntityId(String idPath, String entityId);

	/** Whether {@link #findByEntityId} sees every committed write, so the catalog may rely on it when a link is missing. */
	boolean consistentLookup();

	/**
	 * Every object meeting the conditions, page after page as they are consumed, in the vendor's
	 * order. Only conditions {@link #supports} accepted are passed; the vendor may apply any subset
	 * of them (the catalog checks every condition again on what comes back).
	 */
	Flux<RemoteObject> list(List<RemoteCondition> conditions);

	/**
	 * Create an object with {@code fields} (every mapped path; {@code null} values are left unset),
	 * at most once for {@code key}: repeating the call with the same key and fields yields the same
	 * object. Emits the new object's vendor id.
	 */
	Mono<String> create(Map<String, Object> fields, IdempotencyKey key);

	/** Write {@code fields} to the object ({@code null} values clear the path); other paths are left as they are. */
	Mono<Void> update(String remoteId, Map<String, Object> fields);

	/**
	 * Write {@code fields} as {@link #update} does, for vendors that cannot change some fields in
	 * place (a Stripe draft invoice's customer or currency) by creating a replacement object at most
	 * once for {@code key}. Emits the vendor id that holds the entity afterwards; when it is another
	 * one, the catalog links the entity to it and then deletes the replaced object.
	 */
	default Mono<String> rewrite(String remoteId, Map<String, Object> fields, IdempotencyKey key) {
		return update(remoteId, fields).thenReturn(remoteId);
	}

	/** Delete (or archive) the object; completes normally when it is already gone. */
	Mono<Void> delete(String remoteId);

	/**
	 * Whether {@link #modifiedSince} and {@link #current} work for this collection (the vendor can
	 * list objects by modification time). Collections without a change feed are not pulled.
	 */
	default boolean changeFeed() {
		return false;
	}

	/**
	 * Every object created, changed or (where the vendor reports it) deleted at or after
	 * {@code since}: inclusive, in ascending order of {@link RemoteChange#modifiedAt}, ties in a
	 * stable order (by vendor id), fetched page by page as consumed. Inclusive so that a pull
	 * interrupted inside a group of objects sharing one modification time reads the whole group
	 * again; callers drop what they already applied by (vendor id, modification time).
	 */
	default Flux<RemoteChange> modifiedSince(Instant since) {
		return Flux.error(new UnsupportedOperationException("no change feed"));
	}

	/**
	 * The object's current state with its modification time, read from the vendor's primary
	 * store; a deleted (or archived) object is reported as deleted, one that never existed
	 * completes empty.
	 */
	default Mono<RemoteChange> current(String remoteId) {
		return Mono.error(new UnsupportedOperationException("no change feed"));
	}

	/** Completes empty when the vendor answers. */
	Mono<Void> ping();
}
