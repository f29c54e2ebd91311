package io.catalogs.api;

import java.util.Objects;
import java.util.UUID;

/**
 * What an API catalog knows of one entity besides the vendor object: the vendor id of the object
 * holding it, and, once the entity is deleted, the version of the delete (vendors forget deleted
 * objects, so this is where the tombstone lives).
 *
 * @param entityId the gateway id
 * @param remoteId the vendor id ({@code cus_...}); {@code null} for a tombstone of an entity the
 *        catalog never held
 * @param deletedVersion the version of the delete, {@code null} while the entity is live
 */
public record ApiLink(UUID entityId, String remoteId, Long deletedVersion) {

	public ApiLink {
		Objects.requireNonNull(entityId, "entityId");
		if (remoteId == null && deletedVersion == null) {
			throw new IllegalArgumentException("a live link needs a remote id");
		}
	}

	/** A live entity held by vendor object {@code remoteId}. */
	public static ApiLink live(UUID entityId, String remoteId) {
		return new ApiLink(entityId, remoteId, null);
	}

	/** Whether this is a tombstone. */
	public boolean deleted() {
		return this.deletedVersion != null;
	}
}
