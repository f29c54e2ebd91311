package io.catalogs.gateway.graphql;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldDef;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Operator;
import io.catalogs.spi.Sort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one entity type appears in the GraphQL API: the record its nodes map to, what its filter input
 * fields mean, which of its fields refer to other entities, and the values a create fills in. The
 * only per-type code of the GraphQL layer; {@link EntityService} does the rest generically.
 *
 * @param type the entity type
 * @param mapper turns an entity read from the named catalog into the GraphQL object
 * @param filters the filter input fields by name, each a condition on one entity field
 * @param references attribute fields that hold the id of another entity, with that entity's type
 * @param defaults the attribute values a create uses where the input gives none, given the time
 * @param <T> the GraphQL object type ({@link io.catalogs.schema.Customer}, ...)
 */
public record EntityMapping<T>(EntityType type, BiFunction<Entity, String, T> mapper,
		Map<String, FilterField> filters, Map<String, EntityType> references,
		Function<Instant, Map<String, Object>> defaults) {

	public EntityMapping {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(mapper, "mapper");
		filters = Map.copyOf(filters);
		references = Map.copyOf(references);
		Objects.requireNonNull(defaults, "defaults");
		filters.values().forEach((filter) -> type.field(filter.field()));
		references.keySet().forEach(type::field);
	}

	/** A filter input field: compare entity field {@code field} with {@code operator}. */
	public record FilterField(String field, Operator operator) {
	}

	/** The GraphQL object of an entity read from {@code catalog}. */
	public T toNode(Entity entity, String catalog) {
		return this.mapper.apply(entity, catalog);
	}

	/**
	 * The conditions a filter input stands for; absent and {@code null} input fields add none.
	 * @throws InvalidInputException if a value cannot be converted to its field's type
	 */
	public List<Condition> conditions(Map<String, Object> filter) {
		List<Condition> conditions = new ArrayList<>();
		if (filter == null) {
			return conditions;
		}
		filter.forEach((name, value) -> {
			FilterField filterField = this.filters.get(name);
			if (filterField == null) {
				throw new InvalidInputException("filter." + name, "unknown filter field");
			}
			if (value != null) {
				FieldDef field = this.type.field(filterField.field());
				Object converted = FieldValues.coerce(field, "filter." + name, value);
				conditions.add(new Condition(field.name(), filterField.operator(), converted));
			}
		});
		return conditions;
	}

	/**
	 * The order an {@code orderBy} input ({@code {field: ISSUED_AT, direction: DESC}}) stands for: the
	 * enum name in camel case is the entity field. {@code null} is {@link Sort#DEFAULT}.
	 */
	public Sort sort(Map<String, Object> orderBy) {
		if (orderBy == null || orderBy.get("field") == null) {
			return Sort.DEFAULT;
		}
		String field = camelCase(orderBy.get("field").toString());
		if (this.type.findField(field).isEmpty()) {
			throw new InvalidInputException("orderBy.field", "cannot order " + this.type.name() + " by " + field);
		}
		boolean descending = "DESC".equals(String.valueOf(orderBy.get("direction")));
		return new Sort(field, descending);
	}

	static String camelCase(String enumName) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char c : enumName.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return result.toString();
	}
}
