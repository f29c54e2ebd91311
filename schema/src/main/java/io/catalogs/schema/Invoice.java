package io.catalogs.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An invoice as one catalog holds it: the GraphQL {@code Invoice} type.
 *
 * @param catalog the name of the catalog this copy was read from
 */
public record Invoice(UUID id, String number, UUID customerId, BigDecimal amount, String currency,
		InvoiceStatus status, Instant issuedAt, Instant dueAt, long version, Instant createdAt, Instant updatedAt,
		String catalog) {

	public static final String CUSTOMER_ID = "customerId";

	public static final String NUMBER = "number";

	public static final String AMOUNT = "amount";

	public static final String CURRENCY = "currency";

	public static final String STATUS = "status";

	public static final String ISSUED_AT = "issuedAt";

	public static final String DUE_AT = "dueAt";

	/** The invoice held in {@code entity}, read from {@code catalog}. */
	public static Invoice from(Entity entity, String catalog) {
		String status = entity.get(STATUS);
		return new Invoice(entity.id(), entity.get(NUMBER), entity.get(CUSTOMER_ID), entity.get(AMOUNT),
				entity.get(CURRENCY), status == null ? null : InvoiceStatus.valueOf(status), entity.get(ISSUED_AT),
				entity.get(DUE_AT), entity.version(), entity.createdAt(), entity.updatedAt(), catalog);
	}
}
