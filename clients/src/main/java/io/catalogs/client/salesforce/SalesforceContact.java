package io.catalogs.client.salesforce;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Salesforce Contact as the client reads it (the gateway's customers). The gateway id, version
 * and metadata live in custom fields the org must have (see the module README).
 *
 * @param id the Salesforce id ({@code 003...})
 * @param firstName {@code FirstName}
 * @param lastName {@code LastName} (required by Salesforce)
 * @param email {@code Email}
 * @param phone {@code Phone}
 * @param gatewayId {@code Catalogs_Gateway_Id__c}: text(36), External ID, Unique
 * @param version {@code Catalogs_Version__c}: number(18, 0)
 * @param metadata {@code Catalogs_Metadata__c}: long text area holding JSON
 * @param lastModifiedDate {@code LastModifiedDate} as Salesforce writes it ({@code 2024-01-31T10:00:00.000+0000})
 * @param systemModstamp {@code SystemModstamp}: when the record was last changed by a user or the system
 *        (same format), what incremental pulls order and filter by
 * @param deleted {@code IsDeleted}: {@code true} for a record in the recycle bin (read through {@code queryAll})
 */
public record SalesforceContact(@JsonProperty("Id") String id, @JsonProperty("FirstName") String firstName,
		@JsonProperty("LastName") String lastName, @JsonProperty("Email") String email,
		@JsonProperty("Phone") String phone, @JsonProperty(SalesforceObjects.GATEWAY_ID_FIELD) String gatewayId,
		@JsonProperty("Catalogs_Version__c") Long version, @JsonProperty("Catalogs_Metadata__c") String metadata,
		@JsonProperty("LastModifiedDate") String lastModifiedDate, @JsonProperty("SystemModstamp") String systemModstamp,
		@JsonProperty("IsDeleted") Boolean deleted) {

	/** The fields a create or update sends; {@code null} ones are not sent (left unchanged). */
	public record Fields(@JsonProperty("FirstName") String firstName, @JsonProperty("LastName") String lastName,
			@JsonProperty("Email") String email, @JsonProperty("Phone") String phone,
			@JsonProperty("Catalogs_Version__c") Long version, @JsonProperty("Catalogs_Metadata__c") String metadata) {
	}
}
