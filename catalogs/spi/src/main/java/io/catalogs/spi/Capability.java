package io.catalogs.spi;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.schema.FieldType;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

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

	/**
	 * Every capability the contract knows for these entity types: every operator on every field
	 * except JSON ones ({@link Operator#CONTAINS} on text fields only), ordering by every field
	 * except JSON ones, backward paging and transactions. A catalog that serves the whole contract
	 * declares this set; the TCK uses it as the universe to test refusals against.
	 */
	public static Set<Capability> everyFor(Collection<EntityType> types) {
		Set<Capability> all = new LinkedHashSet<>();
		for (EntityType type : types) {
			for (FieldDef field : type.fields()) {
				if (field.type() == FieldType.JSON) {
					continue;
				}
				for (Operator operator : Operator.values()) {
					if (operator != Operator.CONTAINS || field.type() == FieldType.STRING) {
						all.add(filter(type, field.name(), operator));
					}
				}
				all.add(sort(type, field.name()));
			}
		}
		all.add(BACKWARD_PAGING);
		all.add(TRANSACTIONS);
		return Collections.unmodifiableSet(all);
	}

	@Override
	public String toString() {
		return this.name;
	}
}
