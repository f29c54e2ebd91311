package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.UUID;

/** No live entity of that type and id exists in the catalog. */
public class EntityNotFoundException extends CatalogException {

	public EntityNotFoundException(EntityType type, UUID id) {
		super(type.name() + " " + id + " not found");
	}
}
