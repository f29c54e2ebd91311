package io.catalogs.schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A customer as one catalog holds it: the GraphQL {@code Customer} type.
 *
 * @param catalog the name of the catalog this copy was read from
 */
public record Customer(UUID id, String name, String email, String phone, Map<String, Object> metadata, long version,
		Instant createdAt, Instant updatedAt, String catalog) {

	public static final String NAME = "name";

	public static final String EMAIL = "email";

	public static final String PHONE = "phone";

	public static final String METADATA = "metadata";

	/** The customer held in {@code entity}, read from {@code catalog}. */
	public static Customer from(Entity entity, String catalog) {
		return new Customer(entity.id(), entity.get(NAME), entity.get(EMAIL), entity.get(PHONE), entity.get(METADATA),
				entity.version(), entity.createdAt(), entity.updatedAt(), catalog);
	}
}
