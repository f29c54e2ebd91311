package io.catalogs.schema;

/** What produced a change event. */
public enum ChangeOperation {
	/** A new entity was created in the primary. */
	CREATE,
	/** An entity was changed in the primary. */
	UPDATE,
	/** An entity was deleted in the primary (the snapshot is a tombstone). */
	DELETE,
	/** A copy of an entity's current state was requested from one catalog to others. */
	SYNC
}
