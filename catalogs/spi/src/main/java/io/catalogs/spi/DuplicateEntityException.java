package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.UUID;

/** An entity (or tombstone) with that id already exists, so it cannot be created again. */
public class DuplicateEntityException extends CatalogException {

	public DuplicateEntityException(EntityType type, UUID id) {
		super(type.name() + " " + id + " already exists");
	}
}
