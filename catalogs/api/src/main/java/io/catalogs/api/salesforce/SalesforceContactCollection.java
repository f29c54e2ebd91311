package io.catalogs.api.salesforce;

import io.catalogs.api.JsonEnvelope;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.salesforce.SalesforceClient;
import io.catalogs.client.salesforce.SalesforceContact;
import io.catalogs.client.salesforce.SalesforceObjects;
import io.catalogs.client.salesforce.SalesforceSaveResult;
import io.catalogs.client.salesforce.Soql;
import io.catalogs.spi.Operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Salesforce Contacts as a {@link RemoteCollection}: paths {@code FirstName}, {@code LastName},
 * {@code Email}, {@code Phone}, {@code Catalogs_Gateway_Id__c} (the External ID; set on create, by
 * upsert), {@code Catalogs_Version__c}, the keys of the JSON object in {@code Catalogs_Metadata__c}
 * ({@code Catalogs_Metadata__c.<key>}) and the read-only {@code LastModifiedDate}. Creates are upserts
 * by the gateway id (at most one record per entity); lookups by it read the record, not an index.
 * Lists filter by equality on one text field through SOQL. Change feed by
 * {@code SystemModstamp} ({@link SalesforceChangeFeed}).
 */
final class SalesforceContactCollection implements SalesforceFedCollection {

	static final String GATEWAY_ID = SalesforceObjects.GATEWAY_ID_FIELD;

	static final String VERSION = "Catalogs_Version__c";

	static final String ENVELOPE = "Catalogs_Metadata__c";

	private static final Set<String> TEXT_FIELDS = Set.of("FirstName", "LastName", "Email", "Phone", GATEWAY_ID);

	static final RemoteSchema SCHEMA = RemoteSchema.of("Salesforce Contact",
			RemotePath.writable("FirstName", RemoteValueType.TEXT).withMaxLength(40),
			RemotePath.writable("LastName", RemoteValueType.TEXT).withMaxLength(80),
			RemotePath.writable("Email", RemoteValueType.TEXT).withMaxLength(80),
			RemotePath.writable("Phone", RemoteValueType.TEXT).withMaxLength(40),
			RemotePath.writable(GATEWAY_ID, RemoteValueType.TEXT).withMaxLength(36),
			RemotePath.writable(VERSION, RemoteValueType.INTEGER),
			RemotePath.anyKeyBelow(ENVELOPE, RemoteValueType.TEXT, 0),
			RemotePath.readOnly("LastModifiedDate", RemoteValueType.TIMESTAMP));

	private final SalesforceObjects<SalesforceContact, SalesforceContact.Fields> contacts;

	private final int batchSize;

	private final SalesforceChangeFeed<SalesforceContact> feed;

	SalesforceContactCollection(SalesforceClient client, int pageSize) {
		this.contacts = client.contacts();
		this.batchSize = Math.max(200, Math.min(pageSize, 2000));
		this.feed = new SalesforceChangeFeed<>(this.contacts, this.batchSize, SalesforceContactCollection::toRemote,
				SalesforceContact::systemModstamp, SalesforceContact::deleted);
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	public boolean supports(String path, Operator operator) {
		return TEXT_FIELDS.contains(path) && operator == Operator.EQ;
	}

	@Override
	public Mono<RemoteObject> get(String remoteId) {
		return this.contacts.get(remoteId).map(SalesforceContactCollection::toRemote);
	}

	@Override
	public Mono<RemoteObject> findByEntityId(String idPath, String entityId) {
		return GATEWAY_ID.equals(idPath) ? this.contacts.findByGatewayId(entityId).map(SalesforceContactCollection::toRemote)
				: Mono.empty();
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
		return this.contacts.all(where, null, this.batchSize).map(SalesforceContactCollection::toRemote);
	}

	@Override
	public Mono<String> create(Map<String, Object> fields, IdempotencyKey key) {
		String gatewayId = (String) fields.get(GATEWAY_ID);
		if (gatewayId == null) {
			return Mono.error(new IllegalArgumentException("a Salesforce Contact is created with its " + GATEWAY_ID));
		}
		SalesforceContact.Fields values = new SalesforceContact.Fields((String) fields.get("FirstName"),
				(String) fields.get("LastName"), (String) fields.get("Email"), (String) fields.get("Phone"),
				(Long) fields.get(VERSION), JsonEnvelope.pack(JsonEnvelope.below(ENVELOPE, fields)));
		return this.contacts.upsertByGatewayId(gatewayId, values).map(SalesforceSaveResult::id);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Mono<Void> update(String remoteId, Map<String, Object> fields) {
		// the client's Fields record leaves nulls out (a PATCH then keeps the field): clearing one
		// needs an explicit null, so the same PATCH is sent with a map (see the module README)
		// the gateway id goes along: an object created at the vendor and linked later gets it on the
		// first write of the gateway, so that it reads back as the entity
		Map<String, Object> body = new LinkedHashMap<>();
		fields.forEach((path, value) -> {
			if (TEXT_FIELDS.contains(path) || path.equals(VERSION)) {
				body.put(path, value);
			}
		});
		body.put(ENVELOPE, JsonEnvelope.pack(JsonEnvelope.below(ENVELOPE, fields)));
		return ((SalesforceObjects) this.contacts).update(remoteId, body);
	}

	@Override
	public Mono<Void> delete(String remoteId) {
		return this.contacts.delete(remoteId);
	}

	@Override
	public SalesforceChangeFeed<?> feed() {
		return this.feed;
	}

	@Override
	public Mono<Void> ping() {
		return this.contacts.findByGatewayId(new UUID(0, 0).toString()).then();
	}

	static RemoteObject toRemote(SalesforceContact contact) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("FirstName", contact.firstName());
		fields.put("LastName", contact.lastName());
		fields.put("Email", contact.email());
		fields.put("Phone", contact.phone());
		fields.put(GATEWAY_ID, contact.gatewayId());
		fields.put(VERSION, contact.version());
		JsonEnvelope.unpack(contact.metadata()).forEach((key, value) -> fields.put(ENVELOPE + "." + key, value));
		if (contact.lastModifiedDate() != null) {
			fields.put("LastModifiedDate", SalesforceChangeFeed.time(contact.lastModifiedDate()));
		}
		return new RemoteObject(contact.id(), fields);
	}
}
