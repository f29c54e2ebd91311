package io.catalogs.api;

import io.catalogs.schema.Entity;

/**
 * What an API catalog holds for one entity id: nothing, a tombstone (in its link), or a live vendor
 * object with the version written on it and, when every required field is readable, the entity.
 *
 * @param link the entity's link, {@code null} when it has none
 * @param remote the vendor object, {@code null} when there is none (never created, deleted, or
 *        deleted at the vendor directly)
 * @param version the version on the vendor object, or of the tombstone; {@code null} when nothing
 *        is held (or the object lost its version)
 * @param entity the entity read from the object, {@code null} when there is none or it is unreadable
 */
record Held(ApiLink link, RemoteObject remote, Long version, Entity entity) {

	static final Held NOTHING = new Held(null, null, null, null);

	static Held tombstone(ApiLink link) {
		return new Held(link, null, link.deletedVersion(), null);
	}

	/** A link whose object is gone at the vendor: holds nothing, but the link is to be replaced. */
	static Held gone(ApiLink link) {
		return new Held(link, null, null, null);
	}

	/** Whether a vendor object holds the entity. */
	boolean live() {
		return this.remote != null;
	}

	/** Whether the entity is deleted here. */
	boolean deleted() {
		return this.link != null && this.link.deleted();
	}

	/** Whether anything (object or tombstone) exists for the id, so a create must be refused. */
	boolean exists() {
		return live() || deleted();
	}

	/** Whether the incoming version is newer than anything held. */
	boolean olderThan(long incoming) {
		return this.version == null || this.version < incoming;
	}
}
