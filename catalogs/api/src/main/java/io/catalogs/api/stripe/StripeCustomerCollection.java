package io.catalogs.api.stripe;

import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.stripe.StripeClient;
import io.catalogs.client.stripe.StripeCustomer;
import io.catalogs.client.stripe.StripeCustomerParams;
import io.catalogs.client.stripe.StripePageRequest;
import io.catalogs.spi.Operator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stripe customers as a {@link RemoteCollection}: paths {@code name}, {@code email}, {@code phone},
 * {@code metadata.<key>} (text, keys up to 40 characters, values up to 500) and the read-only
 * {@code created}. Lists filter by exact email only (the List Customers API's {@code email}
 * parameter, case-sensitive); Stripe's Search API lags behind writes, so objects are never looked
 * up by the gateway id: the catalog relies on its links and on idempotency keys for creates.
 * Changes come from the Events API ({@code customer.created|updated|deleted}, see {@link StripeChangeFeed}).
 */
final class StripeCustomerCollection implements RemoteCollection {

	static final String METADATA = "metadata.";

	static final RemoteSchema SCHEMA = RemoteSchema.of("Stripe customer",
			RemotePath.writable("name", RemoteValueType.TEXT).withMaxLength(256),
			RemotePath.writable("email", RemoteValueType.TEXT).withMaxLength(512),
			RemotePath.writable("phone", RemoteValueType.TEXT).withMaxLength(20),
			RemotePath.readOnly("created", RemoteValueType.INTEGER),
			RemotePath.anyKeyBelow("metadata", RemoteValueType.TEXT, 40).withMaxLength(500));

	private final StripeClient client;

	private final int pageSize;

	StripeCustomerCollection(StripeClient client, int pageSize) {
		this.client = client;
		this.pageSize = Math.min(pageSize, 100);
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	public boolean supports(String path, Operator operator) {
		return path.equals("email") && operator == Operator.EQ;
	}

	@Override
	public Mono<RemoteObject> get(String remoteId) {
		return this.client.customers().get(remoteId).map(StripeCustomerCollection::toRemote);
	}

	@Override
	public Mono<RemoteObject> findByEntityId(String idPath, String entityId) {
		return Mono.empty();
	}

	@Override
	public boolean consistentLookup() {
		return false;
	}

	@Override
	public Flux<RemoteObject> list(List<RemoteCondition> conditions) {
		String email = conditions.stream().filter((c) -> c.path().equals("email")).map((c) -> (String) c.value())
			.findFirst().orElse(null);
		return this.client.customers().all(email, this.pageSize).map(StripeCustomerCollection::toRemote);
	}

	@Override
	public Mono<String> create(Map<String, Object> fields, IdempotencyKey key) {
		return this.client.customers().create(params(fields, false), key).map(StripeCustomer::id);
	}

	@Override
	public Mono<Void> update(String remoteId, Map<String, Object> fields) {
		return this.client.customers().update(remoteId, params(fields, true)).then();
	}

	@Override
	public Mono<Void> delete(String remoteId) {
		return this.client.customers().delete(remoteId);
	}

	@Override
	public boolean changeFeed() {
		return true;
	}

	@Override
	public Flux<RemoteChange> modifiedSince(Instant since) {
		return StripeChangeFeed.ascending(this.client.events().customers(since, 100), StripeCustomerCollection::toRemote,
				StripeCustomer::deleted);
	}

	/**
	 * The customer as Stripe holds it now (a deleted one as its stub). Stripe objects carry no
	 * modification time and the Events API cannot be filtered by object, so the time of this read
	 * stands for it: the state is at least as new as every event before the read.
	 */
	@Override
	public Mono<RemoteChange> current(String remoteId) {
		return this.client.customers().read(remoteId).map((customer) -> new RemoteChange(toRemote(customer),
				Instant.now().truncatedTo(ChronoUnit.MILLIS), customer.deleted()));
	}

	@Override
	public Mono<Void> ping() {
		return this.client.customers().list(StripePageRequest.first(1), null).then();
	}

	/** The customer's fields; on update, an empty text for each path to clear (Stripe's way of unsetting). */
	private static StripeCustomerParams params(Map<String, Object> fields, boolean update) {
		Map<String, String> metadata = new LinkedHashMap<>();
		fields.forEach((path, value) -> {
			if (path.startsWith(METADATA) && (value != null || update)) {
				metadata.put(path.substring(METADATA.length()), (value != null) ? (String) value : "");
			}
		});
		return new StripeCustomerParams(text(fields, "name", update), text(fields, "email", update),
				text(fields, "phone", update), metadata.isEmpty() ? null : metadata);
	}

	private static String text(Map<String, Object> fields, String path, boolean update) {
		if (!fields.containsKey(path)) {
			return null;
		}
		Object value = fields.get(path);
		return (value != null) ? (String) value : (update ? "" : null);
	}

	static RemoteObject toRemote(StripeCustomer customer) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", customer.name());
		fields.put("email", customer.email());
		fields.put("phone", customer.phone());
		fields.put("created", customer.created());
		customer.metadata().forEach((key, value) -> fields.put(METADATA + key, value));
		return new RemoteObject(customer.id(), fields);
	}
}
