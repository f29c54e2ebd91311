package io.catalogs.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One object of a vendor as its change feed reports it: the object in flat form (for a deletion,
 * at least its vendor id), the vendor's own modification time of that state, and whether the
 * object is deleted (or archived). Incremental pulls and webhooks read changes in this form.
 *
 * @param object the vendor object; for a deletion the fields may be empty
 * @param modifiedAt the vendor's modification time of this state (Stripe: the event's or object's
 * time, HubSpot {@code lastmodifieddate}, Salesforce {@code SystemModstamp}, QuickBooks
 * {@code MetaData.LastUpdatedTime})
 * @param deleted whether the object is deleted or archived at the vendor
 */
public record RemoteChange(RemoteObject object, Instant modifiedAt, boolean deleted) {

	public RemoteChange {
		Objects.requireNonNull(object, "object");
		Objects.requireNonNull(object.id(), "object.id");
		Objects.requireNonNull(modifiedAt, "modifiedAt");
	}

	/** The vendor id of the object. */
	public String remoteId() {
		return this.object.id();
	}
}
