package io.catalogs.client.quickbooks;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A QuickBooks Online Customer, read and written (only the fields the gateway maps; a write sends
 * {@code sparse: true}, so absent fields stay as they are). QuickBooks has no custom fields on
 * customers: the catalog keeps our id and version in {@code Notes} (for people and reconciliation;
 * not queryable), while creates rely on {@code requestid} for idempotency.
 *
 * @param id QuickBooks id ({@code null} on create)
 * @param syncToken the version QuickBooks checks on update (optimistic locking), {@code null} on create
 * @param displayName unique among customers, vendors and employees; required
 * @param givenName first name
 * @param familyName last name
 * @param email {@code PrimaryEmailAddr}
 * @param phone {@code PrimaryPhone}
 * @param notes free text, up to 2,000 characters
 * @param active {@code false} once deactivated (QuickBooks does not delete customers)
 * @param metaData creation and last update times
 * @param sparse {@code true} on writes
 */
public record QuickBooksCustomer(@JsonProperty("Id") String id, @JsonProperty("SyncToken") String syncToken,
		@JsonProperty("DisplayName") String displayName, @JsonProperty("GivenName") String givenName,
		@JsonProperty("FamilyName") String familyName, @JsonProperty("PrimaryEmailAddr") QuickBooksEmail email,
		@JsonProperty("PrimaryPhone") QuickBooksPhone phone, @JsonProperty("Notes") String notes,
		@JsonProperty("Active") Boolean active, @JsonProperty("MetaData") QuickBooksMetaData metaData,
		@JsonProperty("sparse") Boolean sparse) {

	/** A new customer's fields. */
	public static QuickBooksCustomer of(String displayName, String email, String phone, String notes) {
		return new QuickBooksCustomer(null, null, displayName, null, null, (email != null) ? new QuickBooksEmail(email) : null,
				(phone != null) ? new QuickBooksPhone(phone) : null, notes, null, null, null);
	}

	/** This customer as a sparse update of record {@code id} at {@code syncToken}. */
	public QuickBooksCustomer asUpdateOf(String id, String syncToken) {
		return new QuickBooksCustomer(id, syncToken, this.displayName, this.givenName, this.familyName, this.email, this.phone,
				this.notes, this.active, null, true);
	}

	/** The email address, or {@code null}. */
	public String emailAddress() {
		return (this.email != null) ? this.email.address() : null;
	}

	/** An email address object. */
	public record QuickBooksEmail(@JsonProperty("Address") String address) {
	}

	/** A phone number object. */
	public record QuickBooksPhone(@JsonProperty("FreeFormNumber") String freeFormNumber) {
	}
}
