package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.UUID;

/** A write named an expected version that is not the stored one: someone else wrote in between. */
public class VersionConflictException extends CatalogException {

	private final long expectedVersion;

	private final long actualVersion;

	public VersionConflictException(EntityType type, UUID id, long expectedVersion, long actualVersion) {
		super(type.name() + " " + id + " is at version " + actualVersion + ", not " + expectedVersion);
		this.expectedVersion = expectedVersion;
		this.actualVersion = actualVersion;
	}

	public long expectedVersion() {
		return this.expectedVersion;
	}

	public long actualVersion() {
		return this.actualVersion;
	}
}
