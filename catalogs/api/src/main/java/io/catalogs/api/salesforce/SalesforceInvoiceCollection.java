package io.catalogs.api.salesforce;

import io.catalogs.api.JsonEnvelope;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.salesforce.SalesforceClient;
import io.catalogs.client.salesforce.SalesforceInvoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Invoices in the custom object {@code Catalogs_Invoice__c} as a {@link RemoteCollection}: paths
 * {@code Name}, {@code Catalogs_Customer__c} (lookup to the Contact), {@code Catalogs_Amount__c},
 * {@code Catalogs_Currency__c}, {@code Catalogs_Status__c} (picklist), the date/time fields
 * {@code Catalogs_Issued_At__c} and {@code Catalogs_Due_At__c}, {@code Catalogs_Gateway_Id__c} (the
 * External ID; set on create, by upsert), {@code Catalogs_Version__c}, the keys of the JSON object
 * in {@code Catalogs_Metadata__c} and the read-only {@code CreatedDate}, {@code LastModifiedDate},
 * {@code SystemModstamp}.
 *
 * <p>Salesforce keeps date/time fields to the second, the gateway to the millisecond: the shipped
 * mapping therefore keeps the exact {@code issuedAt}/{@code dueAt} in {@code Catalogs_Metadata__c}
 * and this collection mirrors them, to the second, into the date/time fields for people and
 * reports, unless a mapping writes those fields itself. Creates are upserts by the gateway id;
 * lists filter by equality on one text field through SOQL. Change feed by {@code SystemModstamp},
 * deleted records (recycle bin) included ({@link SalesforceChangeFeed}).
 */
final class SalesforceInvoiceCollection extends SalesforceObjectCollection<SalesforceInvoice, SalesforceInvoice.Fields> {

	static final String VERSION = "Catalogs_Version__c";

	static final String ENVELOPE = "Catalogs_Metadata__c";

	static final String ISSUED_AT = "Catalogs_Issued_At__c";

	static final String DUE_AT = "Catalogs_Due_At__c";

	/** Envelope keys mirrored into date/time fields, by field. */
	private static final Map<String, String> MIRRORED = Map.of(ISSUED_AT, "issuedAt", DUE_AT, "dueAt");

	private static final Set<String> TEXT_FIELDS = Set.of("Name", "Catalogs_Customer__c", "Catalogs_Currency__c",
			"Catalogs_Status__c", GATEWAY_ID);

	private static final Set<String> WRITABLE = Set.of("Name", "Catalogs_Customer__c", "Catalogs_Amount__c",
			"Catalogs_Currency__c", "Catalogs_Status__c", ISSUED_AT, DUE_AT, VERSION);

	static final RemoteSchema SCHEMA = RemoteSchema.of("Salesforce Catalogs_Invoice__c",
			RemotePath.writable("Name", RemoteValueType.TEXT).withMaxLength(80),
			RemotePath.writable("Catalogs_Customer__c", RemoteValueType.TEXT).withMaxLength(18),
			RemotePath.writable("Catalogs_Amount__c", RemoteValueType.DECIMAL),
			RemotePath.writable("Catalogs_Currency__c", RemoteValueType.TEXT).withMaxLength(3),
			RemotePath.writable("Catalogs_Status__c", RemoteValueType.TEXT).withMaxLength(40),
			RemotePath.writable(ISSUED_AT, RemoteValueType.TIMESTAMP),
			RemotePath.writable(DUE_AT, RemoteValueType.TIMESTAMP),
			RemotePath.writable(GATEWAY_ID, RemoteValueType.TEXT).withMaxLength(36),
			RemotePath.writable(VERSION, RemoteValueType.INTEGER),
			RemotePath.anyKeyBelow(ENVELOPE, RemoteValueType.TEXT, 0),
			RemotePath.readOnly("CreatedDate", RemoteValueType.TIMESTAMP),
			RemotePath.readOnly("LastModifiedDate", RemoteValueType.TIMESTAMP),
			RemotePath.readOnly("SystemModstamp", RemoteValueType.TIMESTAMP));

	SalesforceInvoiceCollection(SalesforceClient client, int pageSize) {
		super(client.invoices(), pageSize, "a " + SalesforceClient.INVOICE_OBJECT, TEXT_FIELDS,
				SalesforceInvoiceCollection::toRemote, SalesforceInvoice::systemModstamp, SalesforceInvoice::deleted);
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	SalesforceInvoice.Fields createFields(Map<String, Object> fields) {
		Map<String, Object> body = body(fields);
		return new SalesforceInvoice.Fields((String) body.get("Name"), (String) body.get("Catalogs_Customer__c"),
				(BigDecimal) body.get("Catalogs_Amount__c"), (String) body.get("Catalogs_Currency__c"),
				(String) body.get("Catalogs_Status__c"), (String) body.get(ISSUED_AT), (String) body.get(DUE_AT),
				(Long) body.get(VERSION), (String) body.get(ENVELOPE));
	}

	@Override
	Map<String, Object> updateBody(Map<String, Object> fields) {
		return body(fields);
	}

	/** The record's fields as Salesforce takes them: mapped paths, the envelope, and the mirrored date/times. */
	private static Map<String, Object> body(Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		fields.forEach((path, value) -> {
			if (WRITABLE.contains(path)) {
				body.put(path, (value instanceof Instant time) ? time.toString() : value);
			}
		});
		Map<String, Object> envelope = JsonEnvelope.below(ENVELOPE, fields);
		MIRRORED.forEach((field, key) -> {
			if (!fields.containsKey(field) && envelope.containsKey(key)) {
				Object exact = envelope.get(key);
				body.put(field, (exact != null) ? Instant.parse(exact.toString()).truncatedTo(ChronoUnit.SECONDS).toString() : null);
			}
		});
		body.put(ENVELOPE, JsonEnvelope.pack(envelope));
		return body;
	}

	static RemoteObject toRemote(SalesforceInvoice invoice) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("Name", invoice.number());
		fields.put("Catalogs_Customer__c", invoice.contactId());
		fields.put("Catalogs_Amount__c", invoice.amount());
		fields.put("Catalogs_Currency__c", invoice.currency());
		fields.put("Catalogs_Status__c", invoice.status());
		fields.put(ISSUED_AT, SalesforceChangeFeed.time(invoice.issuedAt()));
		fields.put(DUE_AT, SalesforceChangeFeed.time(invoice.dueAt()));
		fields.put(GATEWAY_ID, invoice.gatewayId());
		fields.put(VERSION, invoice.version());
		JsonEnvelope.unpack(invoice.metadata()).forEach((key, value) -> fields.put(ENVELOPE + "." + key, value));
		fields.put("CreatedDate", SalesforceChangeFeed.time(invoice.createdDate()));
		fields.put("LastModifiedDate", SalesforceChangeFeed.time(invoice.lastModifiedDate()));
		fields.put("SystemModstamp", SalesforceChangeFeed.time(invoice.systemModstamp()));
		return new RemoteObject(invoice.id(), fields);
	}
}
