package io.catalogs.api.mapping;

import io.catalogs.schema.EntityType;
import io.catalogs.spi.RetriableCatalogException;

import java.util.UUID;

/**
 * An entity refers to another that the catalog does not hold (yet): an invoice synced before its
 * customer, whose change travels on another partition. Retriable: once the customer arrives, the
 * same write succeeds.
 */
public class UnresolvedLinkException extends RetriableCatalogException {

	public UnresolvedLinkException(String catalog, EntityType type, UUID entityId) {
		super("catalog '" + catalog + "' holds no " + type + " " + entityId + " (yet) to refer to", null);
	}
}
