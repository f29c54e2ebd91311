package io.catalogs.gateway.sync;

import java.util.UUID;

/** No sync event has that id (reported as {@code NOT_FOUND}). */
public class SyncEventNotFoundException extends RuntimeException {

	public SyncEventNotFoundException(UUID id) {
		super("sync event " + id + " not found");
	}
}
