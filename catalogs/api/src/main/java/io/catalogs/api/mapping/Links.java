package io.catalogs.api.mapping;

import io.catalogs.schema.EntityType;

import java.util.UUID;

/**
 * The entity id ↔ vendor id links a mapping needs to convert references between entities (an
 * invoice's {@code customerId} ↔ Stripe's {@code customer}), looked up ahead of the conversion so
 * that mapping itself never waits.
 */
public interface Links {

	/** No links at all. */
	Links NONE = new Links() {
		@Override
		public String remoteId(EntityType type, UUID entityId) {
			return null;
		}

		@Override
		public UUID entityId(EntityType type, String remoteId) {
			return null;
		}
	};

	/** The vendor id of the entity of {@code type} with {@code entityId}, or {@code null} if it has none. */
	String remoteId(EntityType type, UUID entityId);

	/** The entity id linked to the vendor object {@code remoteId} of {@code type}, or {@code null}. */
	UUID entityId(EntityType type, String remoteId);
}
