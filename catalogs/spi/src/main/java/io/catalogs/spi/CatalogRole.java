package io.catalogs.spi;

/** Whether a catalog is the source of truth for its entity types or a copy kept in sync. */
public enum CatalogRole {
	/** Takes writes for its entity types; their changes fan out from it. At most one per entity type. */
	PRIMARY,
	/** Receives changes from the primary; may also be written to and read directly. */
	SECONDARY
}
