package io.catalogs.schema;

/** Where one sync event stands for one target catalog, as in the GraphQL enum of the same name. */
public enum SyncState {
	/** Recorded, not yet applied to the target. */
	PENDING,
	/** The target now holds this version (or it was applied on this attempt). */
	APPLIED,
	/** The last attempt failed with a retriable error; another attempt is scheduled. */
	RETRYING,
	/** The last attempt failed with a permanent error; no retry is scheduled. */
	FAILED,
	/** Every retry failed; the event is on the dead-letter topic until replayed. */
	DEAD_LETTERED,
	/** The target already held this version or a newer one; nothing changed. */
	SKIPPED_STALE,
	/** The target refused the change as conflicting with its own state. */
	CONFLICT;

	/** Whether no further attempt will happen on its own. */
	public boolean isFinal() {
		return this != PENDING && this != RETRYING;
	}
}
