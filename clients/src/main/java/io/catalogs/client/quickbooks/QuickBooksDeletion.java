package io.catalogs.client.quickbooks;

import java.time.OffsetDateTime;

/**
 * An entity deleted in QuickBooks as the change data capture endpoint reports it
 * ({@code "status": "Deleted"}): only its id and the time of the deletion are left.
 *
 * @param id the QuickBooks id the entity had
 * @param deletedAt {@code MetaData.LastUpdatedTime} of the deletion
 */
public record QuickBooksDeletion(String id, OffsetDateTime deletedAt) {
}
