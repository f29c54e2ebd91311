package io.catalogs.api.mapping;

import java.util.List;

/**
 * Converts the values of one entity field to the values of its vendor paths and back. Built and
 * checked once at startup by {@link Conversions}; called for every object read or written.
 */
interface Converter {

	/**
	 * The vendor values, one per path, of a non-null field value.
	 * @throws MappingException if the value cannot be represented at the vendor
	 * @throws UnresolvedLinkException if it refers to an entity the catalog does not hold
	 */
	List<Object> write(Object value, Links links);

	/**
	 * The field value of the vendor values (one per path, some possibly {@code null}), or {@code null}.
	 * @throws IllegalArgumentException if the vendor values are not a value of the field
	 */
	Object read(List<Object> values, Links links);

	/** Whether equal field values always give equal vendor values, so equality filters can be pushed down. */
	default boolean preservesEquality() {
		return true;
	}

	/** Whether the vendor orders vendor values as the field's values are ordered, so range filters can be pushed down. */
	default boolean preservesOrder() {
		return false;
	}
}
