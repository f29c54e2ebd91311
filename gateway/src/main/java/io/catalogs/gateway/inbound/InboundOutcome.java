package io.catalogs.gateway.inbound;

import io.catalogs.api.InboundChange;
import io.catalogs.schema.EntityType;

import java.util.UUID;

/**
 * What the {@link InboundWriter} did with one inbound change.
 *
 * @param catalog the API catalog the change came from
 * @param type the entity type
 * @param remoteId the vendor id of the object
 * @param entityId the entity in the primary the object holds, {@code null} when there is none
 * @param kind what was done
 */
public record InboundOutcome(String catalog, EntityType type, String remoteId, UUID entityId, Kind kind) {

	/** What was done with a change. */
	public enum Kind {

		/** A new entity was created in the primary. */
		CREATED,
		/** The entity was updated in the primary. */
		UPDATED,
		/** The entity was deleted in the primary. */
		DELETED,
		/** The primary already holds this state (the echo of the gateway's own write, or a re-read): nothing written. */
		UNCHANGED,
		/** A state not newer than one taken in before (a re-read, a redelivery, an older state): nothing written. */
		DUPLICATE,
		/**
		 * The object holds an older gateway version than the primary (a newer write of the gateway has not
		 * reached the vendor yet and will overwrite it), or its entity was deleted in the gateway: nothing written.
		 */
		STALE,
		/** A new object lacks a required field (a customer without an email): nothing created. */
		INCOMPLETE,
		/** The catalog is the primary of the type: there is nothing to take in. */
		IGNORED;

		/** Whether the primary was written. */
		public boolean written() {
			return this == CREATED || this == UPDATED || this == DELETED;
		}
	}

	static InboundOutcome of(InboundChange change, UUID entityId, Kind kind) {
		return new InboundOutcome(change.catalog(), change.type(), change.remoteId(), entityId, kind);
	}
}
