package io.catalogs.gateway.sync.api;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One catalog's copy of a customer, compared with the primary's: the GraphQL {@code CatalogCopy}
 * type of {@code customerAcrossCatalogs}.
 *
 * <p>{@code differsIn} names what differs from the primary's copy: the attribute fields in
 * declaration order, then {@code createdAt}, {@code updatedAt} and {@code version}; empty for the
 * primary itself and for an identical copy. Three markers stand instead of field names: {@value #MISSING}
 * (the primary holds the entity, this catalog does not), {@value #EXTRA} (this catalog holds an
 * entity the primary does not) and {@value #UNAVAILABLE} (this catalog could not be read in time).
 * Numbers compare by value ({@code 1} equals {@code 1.0}), so stores that read JSON numbers back
 * as other types do not show false differences.
 *
 * @param catalog the catalog's name
 * @param customer its copy, or {@code null} when it holds none or could not be read
 * @param version the copy's version, or {@code null} with no copy
 * @param differsIn what differs from the primary's copy
 */
public record CatalogCopy(String catalog, Customer customer, Long version, List<String> differsIn) {

	/** The marker of a catalog that does not hold the entity the primary holds. */
	public static final String MISSING = "missing";

	/** The marker of a catalog that holds an entity the primary does not. */
	public static final String EXTRA = "extra";

	/** The marker of a catalog that could not be read. */
	public static final String UNAVAILABLE = "unavailable";

	public CatalogCopy {
		Objects.requireNonNull(catalog, "catalog");
		differsIn = List.copyOf(differsIn);
	}

	/**
	 * The copy {@code catalog} holds ({@code null}: none), compared with the primary's
	 * ({@code null}: none). With {@code comparable} false the primary's copy is unknown and nothing
	 * is compared.
	 */
	public static CatalogCopy of(String catalog, Entity copy, Entity primary, boolean comparable) {
		List<String> differences = comparable ? differences(primary, copy) : List.of();
		return new CatalogCopy(catalog, (copy != null) ? Customer.from(copy, catalog) : null,
				(copy != null) ? copy.version() : null, differences);
	}

	/** The copy of a catalog that could not be read. */
	public static CatalogCopy unavailable(String catalog) {
		return new CatalogCopy(catalog, null, null, List.of(UNAVAILABLE));
	}

	/** What differs between two copies of an entity ({@code null}: no copy), as {@code differsIn} lists it. */
	public static List<String> differences(Entity primary, Entity copy) {
		if (primary == null || copy == null) {
			return (primary == copy) ? List.of() : List.of((copy == null) ? MISSING : EXTRA);
		}
		List<String> differences = new ArrayList<>();
		EntityType type = primary.type();
		for (FieldDef field : type.attributes()) {
			if (!sameValue(primary.value(field.name()), copy.value(field.name()))) {
				differences.add(field.name());
			}
		}
		for (String field : List.of(EntityType.CREATED_AT, EntityType.UPDATED_AT)) {
			if (!sameValue(primary.value(field), copy.value(field))) {
				differences.add(field);
			}
		}
		if (primary.version() != copy.version()) {
			differences.add("version");
		}
		return differences;
	}

	static boolean sameValue(Object a, Object b) {
		if (a instanceof Number x && b instanceof Number y) {
			try {
				return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
			}
			catch (NumberFormatException ex) {
				// NaN and infinities
				return x.equals(y);
			}
		}
		if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
			return x.size() == y.size() && x.entrySet()
				.stream()
				.allMatch((entry) -> y.containsKey(entry.getKey()) && sameValue(entry.getValue(), y.get(entry.getKey())));
		}
		if (a instanceof List<?> x && b instanceof List<?> y) {
			if (x.size() != y.size()) {
				return false;
			}
			Iterator<?> other = y.iterator();
			return x.stream().allMatch((value) -> sameValue(value, other.next()));
		}
		return Objects.equals(a, b);
	}
}
