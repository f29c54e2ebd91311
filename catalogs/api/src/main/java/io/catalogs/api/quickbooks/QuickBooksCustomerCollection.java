package io.catalogs.api.quickbooks;

import io.catalogs.api.JsonEnvelope;
import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.MappingException;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.quickbooks.QuickBooksClient;
import io.catalogs.client.quickbooks.QuickBooksCustomer.QuickBooksEmail;
import io.catalogs.client.quickbooks.QuickBooksCustomer.QuickBooksPhone;
import io.catalogs.client.quickbooks.QuickBooksCustomer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * QuickBooks Online customers as a {@link RemoteCollection}: paths {@code DisplayName},
 * {@code GivenName}, {@code FamilyName}, {@code PrimaryEmailAddr.Address},
 * {@code PrimaryPhone.FreeFormNumber}, the keys of the JSON object in {@code Notes}
 * ({@code Notes.<key>}) and the read-only {@code MetaData.CreateTime}/{@code LastUpdatedTime}.
 * Creates carry the idempotency key as {@code requestid}; updates are sparse, at the SyncToken just
 * read. QuickBooks cannot delete customers: a delete deactivates the customer and renames it
 * ({@code "<name> (deleted <id>)"}) so that its unique display name is free again; inactive
 * customers read as absent. Lists filter by equality on the name and email fields through the query
 * language. Notes cannot be queried, so objects are never looked up by the gateway id. The change
 * feed lists by {@code MetaData.LastUpdatedTime}, inactive customers included (as deleted).
 */
final class QuickBooksCustomerCollection extends QuickBooksEntityCollection<QuickBooksCustomer> {

	static final String ENVELOPE = "Notes";

	private static final int NOTES_LENGTH = 2000;

	private static final Map<String, String> QUERYABLE = Map.of("DisplayName", "DisplayName", "GivenName", "GivenName",
			"FamilyName", "FamilyName", "PrimaryEmailAddr.Address", "PrimaryEmailAddr");

	static final RemoteSchema SCHEMA = RemoteSchema.of("QuickBooks customer",
			RemotePath.writable("DisplayName", RemoteValueType.TEXT).withMaxLength(400),
			RemotePath.writable("GivenName", RemoteValueType.TEXT).withMaxLength(100),
			RemotePath.writable("FamilyName", RemoteValueType.TEXT).withMaxLength(100),
			RemotePath.writable("PrimaryEmailAddr.Address", RemoteValueType.TEXT).withMaxLength(100),
			RemotePath.writable("PrimaryPhone.FreeFormNumber", RemoteValueType.TEXT).withMaxLength(30),
			RemotePath.anyKeyBelow(ENVELOPE, RemoteValueType.TEXT, 0),
			RemotePath.readOnly("MetaData.CreateTime", RemoteValueType.TIMESTAMP),
			RemotePath.readOnly("MetaData.LastUpdatedTime", RemoteValueType.TIMESTAMP));

	private final QuickBooksChangeFeed<QuickBooksCustomer> feed;

	QuickBooksCustomerCollection(QuickBooksClient client, int pageSize) {
		super(client.customers(), pageSize, QUERYABLE, QuickBooksCustomer::id, QuickBooksCustomer::syncToken);
		// QuickBooks lists inactive (deleted) customers only when the query names Active
		this.feed = new QuickBooksChangeFeed<>(this.entities, "Active in (true, false)", QuickBooksCustomerCollection::change,
				this.pageSize);
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	public Mono<RemoteObject> get(String remoteId) {
		return this.entities.get(remoteId).filter(QuickBooksCustomerCollection::active)
			.map(QuickBooksCustomerCollection::toRemote);
	}

	@Override
	public Flux<RemoteObject> list(List<RemoteCondition> conditions) {
		return this.entities.all(where(conditions), this.pageSize).filter(QuickBooksCustomerCollection::active)
			.map(QuickBooksCustomerCollection::toRemote);
	}

	@Override
	public Mono<Void> delete(String remoteId) {
		return this.entities.get(remoteId).filter(QuickBooksCustomerCollection::active).flatMap((current) -> {
			String renamed = current.displayName() + " (deleted " + remoteId + ")";
			return this.entities.update(new QuickBooksCustomer(remoteId, current.syncToken(), renamed, null, null, null,
					null, null, false, null, true));
		}).then();
	}

	@Override
	public Flux<RemoteChange> modifiedSince(Instant since) {
		return this.feed.since(since);
	}

	@Override
	public Mono<RemoteChange> current(String remoteId) {
		return this.entities.get(remoteId).map(QuickBooksCustomerCollection::change);
	}

	private static RemoteChange change(QuickBooksCustomer customer) {
		Instant modifiedAt = (customer.metaData() != null && customer.metaData().lastUpdatedTime() != null)
				? customer.metaData().lastUpdatedTime().toInstant() : Instant.EPOCH;
		return new RemoteChange(toRemote(customer), modifiedAt, !active(customer));
	}

	/** On update an empty text clears a field (QuickBooks keeps fields a sparse update leaves out). */
	@Override
	QuickBooksCustomer entity(Map<String, Object> fields, String id, String syncToken) {
		boolean update = id != null;
		String notes = JsonEnvelope.pack(JsonEnvelope.below(ENVELOPE, fields));
		if (notes != null && notes.length() > NOTES_LENGTH) {
			throw new MappingException("the values kept in QuickBooks Notes take " + notes.length()
					+ " characters, more than its " + NOTES_LENGTH);
		}
		String email = text(fields, "PrimaryEmailAddr.Address", update);
		String phone = text(fields, "PrimaryPhone.FreeFormNumber", update);
		return new QuickBooksCustomer(id, syncToken, text(fields, "DisplayName", update), text(fields, "GivenName", update),
				text(fields, "FamilyName", update), (email != null) ? new QuickBooksEmail(email) : null,
				(phone != null) ? new QuickBooksPhone(phone) : null, (notes != null) ? notes : (update ? "" : null), null,
				null, update ? Boolean.TRUE : null);
	}

	private static String text(Map<String, Object> fields, String path, boolean update) {
		if (!fields.containsKey(path)) {
			return null;
		}
		Object value = fields.get(path);
		return (value != null) ? (String) value : (update ? "" : null);
	}

	private static boolean active(QuickBooksCustomer customer) {
		return !Boolean.FALSE.equals(customer.active());
	}

	static RemoteObject toRemote(QuickBooksCustomer customer) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("DisplayName", customer.displayName());
		fields.put("GivenName", customer.givenName());
		fields.put("FamilyName", customer.familyName());
		fields.put("PrimaryEmailAddr.Address", customer.emailAddress());
		fields.put("PrimaryPhone.FreeFormNumber", (customer.phone() != null) ? customer.phone().freeFormNumber() : null);
		JsonEnvelope.unpack(customer.notes()).forEach((key, value) -> fields.put(ENVELOPE + "." + key, value));
		if (customer.metaData() != null) {
			fields.put("MetaData.CreateTime", (customer.metaData().createTime() != null)
					? customer.metaData().createTime().toInstant() : null);
			fields.put("MetaData.LastUpdatedTime", (customer.metaData().lastUpdatedTime() != null)
					? customer.metaData().lastUpdatedTime().toInstant() : null);
		}
		return new RemoteObject(customer.id(), fields);
	}
}
