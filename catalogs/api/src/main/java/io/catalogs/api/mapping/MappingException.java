package io.catalogs.api.mapping;

import io.catalogs.spi.CatalogException;

/**
 * A value cannot be written to the vendor as the mapping says (an amount with more decimals than
 * cents hold, text longer than the vendor allows, a required field without value). Permanent:
 * repeating the write fails the same way.
 */
public class MappingException extends CatalogException {

	public MappingException(String message) {
		super(message);
	}
}
