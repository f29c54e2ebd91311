package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.Objects;

/**
 * Something a catalog can do that not every catalog can, named by a stable string that the
 * {@code catalogs} query shows: {@code filter:customer.email:EQ}, {@code sort:invoice.amount},
 * {@code paging:backward}, {@code transactions}.
 *
 * @param name the stable name
 */
public record Capability(String name) {

	/** Reading windows backwards ({@code last}/{@code before}). */
	public static final Capability BACKWARD_PAGING = new Capability("paging:backward");

	/** Writes of one entity and related rows commit atomically with other work in the same store. */
	public static final Capability TRANSACTIONS = new Capability("transactions");

	public Capability {
		Objects.requireNonNull(name, "name");
	}

	/** Filtering entities of {@code type} on {@code field} with {@code operator}. */
	public static Capability filter(EntityType type, String field, Operator operator) {
		return new Capability("filter:" + type.name() + "." + field + ":" + operator.name());
	}

	/** Ordering entities of {@code type} by {@code field} (either direction). */
	public static Capability sort(EntityType type, String field) {
		return new Capability("sort:" + type.name() + "." + field);
	}

	@Override
	public String toString() {
		return this.name;
	}
}
