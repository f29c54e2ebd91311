package io.catalogs.client.salesforce;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An invoice in Salesforce, held in the custom object {@code Catalogs_Invoice__c} (standard
 * objects do not fit: {@code Invoice} exists only with Salesforce Billing / Revenue Cloud, and
 * {@code Order} has its own lifecycle and requires a contract or price book). The module README
 * lists the object's fields.
 *
 * @param id the Salesforce id
 * @param number {@code Name}: the invoice number (text(80))
 * @param contactId {@code Catalogs_Customer__c}: lookup(Contact)
 * @param amount {@code Catalogs_Amount__c}: number(18, 4)
 * @param currency {@code Catalogs_Currency__c}: text(3), ISO 4217
 * @param status {@code Catalogs_Status__c}: picklist DRAFT, OPEN, PAID, VOID, UNCOLLECTIBLE
 * @param issuedAt {@code Catalogs_Issued_At__c}: date/time
 * @param dueAt {@code Catalogs_Due_At__c}: date/time
 * @param gatewayId {@code Catalogs_Gateway_Id__c}: text(36), External ID, Unique
 * @param version {@code Catalogs_Version__c}: number(18, 0)
 * @param metadata {@code Catalogs_Metadata__c}: long text area holding JSON (the gateway's exact timestamps)
 * @param createdDate {@code CreatedDate}
 * @param lastModifiedDate {@code LastModifiedDate}
 * @param systemModstamp {@code SystemModstamp}: changes on every write, also by automation (the change-feed cursor)
 * @param deleted {@code IsDeleted}: {@code true} for a record in the recycle bin (read through {@code queryAll})
 */
public record SalesforceInvoice(@JsonProperty("Id") String id, @JsonProperty("Name") String number,
		@JsonProperty("Catalogs_Customer__c") String contactId, @JsonProperty("Catalogs_Amount__c") BigDecimal amount,
		@JsonProperty("Catalogs_Currency__c") String currency, @JsonProperty("Catalogs_Status__c") String status,
		@JsonProperty("Catalogs_Issued_At__c") String issuedAt, @JsonProperty("Catalogs_Due_At__c") String dueAt,
		@JsonProperty(SalesforceObjects.GATEWAY_ID_FIELD) String gatewayId, @JsonProperty("Catalogs_Version__c") Long version,
		@JsonProperty("Catalogs_Metadata__c") String metadata, @JsonProperty("CreatedDate") String createdDate,
		@JsonProperty("LastModifiedDate") String lastModifiedDate, @JsonProperty("SystemModstamp") String systemModstamp,
		@JsonProperty("IsDeleted") Boolean deleted) {

	/** The fields a create or update sends; {@code null} ones are not sent (left unchanged). */
	public record Fields(@JsonProperty("Name") String number, @JsonProperty("Catalogs_Customer__c") String contactId,
			@JsonProperty("Catalogs_Amount__c") BigDecimal amount, @JsonProperty("Catalogs_Currency__c") String currency,
			@JsonProperty("Catalogs_Status__c") String status, @JsonProperty("Catalogs_Issued_At__c") String issuedAt,
			@JsonProperty("Catalogs_Due_At__c") String dueAt, @JsonProperty("Catalogs_Version__c") Long version,
			@JsonProperty("Catalogs_Metadata__c") String metadata) {
	}
}
