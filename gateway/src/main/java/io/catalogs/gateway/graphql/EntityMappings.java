package io.catalogs.gateway.graphql;

import io.catalogs.gateway.graphql.EntityMapping.FilterField;
import io.catalogs.schema.Customer;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.Operator;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The {@link EntityMapping} of every entity type the API serves. A new entity type is one more
 * constant here (plus SDL, a domain record and a thin controller).
 */
public final class EntityMappings {

	/** Customers: filters {@code email} (equal), {@code nameContains}, {@code updatedAfter/Before} (exclusive). */
	public static final EntityMapping<Customer> CUSTOMER = new EntityMapping<>(EntityTypes.CUSTOMER,
			Customer::from,
			Map.of("email", new FilterField(Customer.EMAIL, Operator.EQ),
					"nameContains", new FilterField(Customer.NAME, Operator.CONTAINS),
					"updatedAfter", new FilterField(EntityType.UPDATED_AT, Operator.GT),
					"updatedBefore", new FilterField(EntityType.UPDATED_AT, Operator.LT)),
			Map.of(), (now) -> Map.of());

	/**
	 * Invoices: filters {@code status}, {@code customerId} (equal), {@code issuedAfter/Before}
	 * (exclusive), {@code amountMin/Max} (inclusive); {@code customerId} must name an existing customer;
	 * a create without {@code number} gets {@link #invoiceNumber generated} one, without {@code status}
	 * {@code DRAFT}.
	 */
	public static final EntityMapping<Invoice> INVOICE = new EntityMapping<>(EntityTypes.INVOICE,
			Invoice::from,
			Map.of("status", new FilterField(Invoice.STATUS, Operator.EQ),
					"customerId", new FilterField(Invoice.CUSTOMER_ID, Operator.EQ),
					"issuedAfter", new FilterField(Invoice.ISSUED_AT, Operator.GT),
					"issuedBefore", new FilterField(Invoice.ISSUED_AT, Operator.LT),
					"amountMin", new FilterField(Invoice.AMOUNT, Operator.GTE),
					"amountMax", new FilterField(Invoice.AMOUNT, Operator.LTE)),
			Map.of(Invoice.CUSTOMER_ID, EntityTypes.CUSTOMER),
			(now) -> Map.of(Invoice.NUMBER, invoiceNumber(now), Invoice.STATUS, InvoiceStatus.DRAFT.name()));

	private static final List<EntityMapping<?>> ALL = List.of(CUSTOMER, INVOICE);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	// no 0/O or 1/I: numbers get read out over the phone
	private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private EntityMappings() {
	}

	/** The mapping of {@code type}. */
	public static EntityMapping<?> of(EntityType type) {
		return ALL.stream()
			.filter((mapping) -> mapping.type().equals(type))
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no GraphQL mapping for " + type));
	}

	/**
	 * A new invoice number: {@code INV-}, the UTC date of {@code now} as {@code yyyyMMdd}, {@code -} and
	 * six random characters from an unambiguous 32-letter alphabet, such as {@code INV-20260131-7KQ2MX}
	 * (about 10^9 values per day, so a collision is unlikely but not impossible; numbers are labels,
	 * the id is the key).
	 */
	public static String invoiceNumber(Instant now) {
		StringBuilder suffix = new StringBuilder(6);
		for (int i = 0; i < 6; i++) {
			suffix.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return "INV-" + DAY.format(now) + "-" + suffix;
	}
}
