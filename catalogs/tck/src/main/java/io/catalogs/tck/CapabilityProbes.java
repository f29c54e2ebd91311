package io.catalogs.tck;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.FieldDef;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Operator;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Turns capability names back into what they allow, so the contract tests can exercise each
 * capability a catalog declares and provoke each one it does not.
 *
 * @param capability the capability
 * @param type the entity type it concerns, {@code null} for backward paging and transactions
 * @param field the field it concerns, {@code null} for backward paging and transactions
 * @param operator the filter operator, {@code null} unless a filter capability
 */
public record CapabilityProbes(Capability capability, EntityType type, FieldDef field, Operator operator) {

	/**
	 * The probes of a capability name, empty if it names an unknown type or field (a catalog may
	 * declare more than the tests know).
	 */
	public static Optional<CapabilityProbes> of(Capability capability) {
		String name = capability.name();
		if (capability.equals(Capability.BACKWARD_PAGING) || capability.equals(Capability.TRANSACTIONS)) {
			return Optional.of(new CapabilityProbes(capability, null, null, null));
		}
		boolean filter = name.startsWith("filter:");
		if (!filter && !name.startsWith("sort:")) {
			return Optional.empty();
		}
		String target = name.substring(name.indexOf(':') + 1);
		Operator operator = null;
		if (filter) {
			int colon = target.lastIndexOf(':');
			if (colon < 0) {
				return Optional.empty();
			}
			try {
				operator = Operator.valueOf(target.substring(colon + 1));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
			target = target.substring(0, colon);
		}
		int dot = target.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String fieldName = target.substring(dot + 1);
		Optional<EntityType> type = EntityTypes.find(target.substring(0, dot));
		Optional<FieldDef> field = type.flatMap(found -> found.findField(fieldName));
		if (field.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new CapabilityProbes(capability, type.get(), field.get(), operator));
	}

	/** Whether this is a filter capability. */
	public boolean isFilter() {
		return this.operator != null;
	}

	/** Whether this is an ordering capability. */
	public boolean isSort() {
		return this.field != null && this.operator == null;
	}

	/** A listing request that needs this capability and no other (none for {@link Capability#TRANSACTIONS}). */
	public Optional<PageRequest> request() {
		if (this.capability.equals(Capability.BACKWARD_PAGING)) {
			return Optional.of(PageRequest.first(10).fromEnd());
		}
		if (isFilter()) {
			return Optional.of(PageRequest.first(10).where(new Condition(this.field.name(), this.operator, anyValue())));
		}
		if (isSort()) {
			return Optional.of(PageRequest.first(10).sortedBy(Sort.asc(this.field.name())));
		}
		return Optional.empty();
	}

	/**
	 * Conditions that exercise this filter capability over {@code data}: the smallest, middle and
	 * largest values present (a tie when the data has one), plus the middle value in another
	 * scale or just below it; for {@link Operator#CONTAINS} a part of a value in other case, a
	 * text nothing contains and LIKE or regular expression wildcards, which must match literally.
	 */
	public List<Condition> conditions(List<Entity> data) {
		String name = this.field.name();
		List<Object> values = data.stream().map(entity -> entity.value(name)).filter(Objects::nonNull)
			.sorted(CapabilityProbes::compare).toList();
		if (values.isEmpty()) {
			return List.of(new Condition(name, this.operator, anyValue()));
		}
		Object middle = values.get(values.size() / 2);
		if (this.operator == Operator.CONTAINS) {
			String text = middle.toString();
			String part = text.substring(Math.min(1, text.length() - 1), Math.min(4, text.length()));
			// "%", "_" and ".*" match nothing here but everything if passed unescaped to LIKE or a regex
			return Stream.of(part.toUpperCase(Locale.ROOT), "no such text", "%", "_", ".*")
				.map(value -> new Condition(name, this.operator, value)).toList();
		}
		List<Object> probes = new ArrayList<>(List.of(values.get(0), middle, values.get(values.size() - 1)));
		if (middle instanceof BigDecimal decimal) {
			probes.add(decimal.setScale(decimal.scale() + 2));
		}
		if (middle instanceof Instant instant) {
			probes.add(instant.minusMillis(1));
		}
		return probes.stream().map(value -> new Condition(name, this.operator, value)).toList();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(Object a, Object b) {
		return (a instanceof UUID) ? a.toString().compareTo(b.toString()) : ((Comparable) a).compareTo(b);
	}

	private Object anyValue() {
		return switch (this.field.type()) {
			case STRING -> "x";
			case ENUM -> this.field.enumValues().get(0);
			case DECIMAL -> BigDecimal.ONE;
			case TIMESTAMP -> SampleEntities.T0;
			case ID -> UUID.nameUUIDFromBytes(new byte[0]);
			case JSON -> throw new IllegalStateException("JSON fields are not filtered");
		};
	}
}
