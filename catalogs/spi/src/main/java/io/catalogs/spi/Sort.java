package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.Objects;

/**
 * The order of a listing: one field and a direction, with ties broken by {@code id} (compared in
 * its canonical lower-case text form, which is also PostgreSQL's and BSON's byte order) in the same
 * direction, so that the order is total and keyset cursors are stable. Entities without a value in
 * the field come first in ascending order and last in descending order.
 *
 * @param field a field name of the entity type
 * @param descending whether the largest values come first
 */
public record Sort(String field, boolean descending) {

	/** The default order: oldest first. */
	public static final Sort DEFAULT = new Sort(EntityType.CREATED_AT, false);

	public Sort {
		Objects.requireNonNull(field, "field");
	}

	public static Sort asc(String field) {
		return new Sort(field, false);
	}

	public static Sort desc(String field) {
		return new Sort(field, true);
	}

	/** The same field in the other direction (used to read a window backwards). */
	public Sort reversed() {
		return new Sort(this.field, !this.descending);
	}
}
