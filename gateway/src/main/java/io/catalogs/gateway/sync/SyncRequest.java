package io.catalogs.gateway.sync;

import java.util.List;
import java.util.UUID;

/**
 * What {@code syncCustomer}/{@code syncInvoice} answer: the SYNC change event recorded, and its
 * sync events (PENDING when recorded; follow them with {@code syncStatus} or {@code syncEvents}).
 *
 * @param id the change event's id
 * @param entityId the entity copied
 * @param source the catalog its state was read from
 * @param targets the catalogs it is copied to
 * @param events one sync event per target
 */
public record SyncRequest(UUID id, UUID entityId, String source, List<String> targets, List<SyncEventRecord> events) {

	public SyncRequest {
		targets = List.copyOf(targets);
		events = List.copyOf(events);
	}
}
