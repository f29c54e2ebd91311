package io.catalogs.api.salesforce;

import io.catalogs.api.JsonEnvelope;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.salesforce.SalesforceClient;
import io.catalogs.client.salesforce.SalesforceContact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Salesforce Contacts as a {@link RemoteCollection}: paths {@code FirstName}, {@code LastName},
 * {@code Email}, {@code Phone}, {@code Catalogs_Gateway_Id__c} (the External ID; set on create, by
 * upsert), {@code Catalogs_Version__c}, the keys of the JSON object in {@code Catalogs_Metadata__c}
 * ({@code Catalogs_Metadata__c.<key>}) and the read-only {@code LastModifiedDate}. Creates are upserts
 * by the gateway id (at most one record per entity); lookups by it read the record, not an index.
 * Lists filter by equality on one text field through SOQL. Change feed by
 * {@code SystemModstamp} ({@link SalesforceChangeFeed}).
 */
final class SalesforceContactCollection extends SalesforceObjectCollection<SalesforceContact, SalesforceContact.Fields> {

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

	SalesforceContactCollection(SalesforceClient client, int pageSize) {
		super(client.contacts(), pageSize, "a Salesforce Contact", TEXT_FIELDS, SalesforceContactCollection::toRemote,
				SalesforceContact::systemModstamp, SalesforceContact::deleted);
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	SalesforceContact.Fields createFields(Map<String, Object> fields) {
		return new SalesforceContact.Fields((String) fields.get("FirstName"), (String) fields.get("LastName"),
				(String) fields.get("Email"), (String) fields.get("Phone"), (Long) fields.get(VERSION),
				JsonEnvelope.pack(JsonEnvelope.below(ENVELOPE, fields)));
	}

	@Override
	Map<String, Object> updateBody(Map<String, Object> fields) {
		// the gateway id goes along: an object created at the vendor and linked later gets it on the
		// first write of the gateway, so that it reads back as the entity
		Map<String, Object> body = new LinkedHashMap<>();
		fields.forEach((path, value) -> {
			if (TEXT_FIELDS.contains(path) || path.equals(VERSION)) {
				body.put(path, value);
			}
		});
		body.put(ENVELOPE, JsonEnvelope.pack(JsonEnvelope.below(ENVELOPE, fields)));
		return body;
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
