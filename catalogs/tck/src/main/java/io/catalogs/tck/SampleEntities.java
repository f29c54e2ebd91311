package io.catalogs.tck;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deterministic data of the contract tests: builders for customers and invoices and a small
 * standard data set per entity type with distinct and equal (tied) values in every sortable field,
 * missing optional values and explicit timestamps, so that every order and filter is observable.
 * Ids are derived from readable keys ({@link #id}) and deliberately not in creation order.
 */
public final class SampleEntities {

	/** The base time of the data set, with a millisecond part that must survive a round trip. */
	public static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123Z");

	private SampleEntities() {
	}

	/** {@link #T0} plus that many seconds. */
	public static Instant at(int seconds) {
		return T0.plusSeconds(seconds);
	}

	/** The stable id of a readable key such as {@code "c1"}. */
	public static UUID id(String key) {
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	/** A customer at version 1; {@code phone} and {@code metadata} may be {@code null}. */
	public static Entity customer(String key, String name, String email, String phone, Map<String, Object> metadata,
			Instant createdAt, Instant updatedAt) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(Customer.NAME, name);
		attributes.put(Customer.EMAIL, email);
		attributes.put(Customer.PHONE, phone);
		attributes.put(Customer.METADATA, metadata);
		return new Entity(EntityTypes.CUSTOMER, id(key), 1, createdAt, updatedAt, false, attributes);
	}

	/** An invoice of {@code customerKey} at version 1; {@code issuedAt} and {@code dueAt} may be {@code null}. */
	public static Entity invoice(String key, String customerKey, String number, String amount, String currency,
			InvoiceStatus status, Instant issuedAt, Instant dueAt, Instant createdAt, Instant updatedAt) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(Invoice.CUSTOMER_ID, id(customerKey));
		attributes.put(Invoice.NUMBER, number);
		attributes.put(Invoice.AMOUNT, new BigDecimal(amount));
		attributes.put(Invoice.CURRENCY, currency);
		attributes.put(Invoice.STATUS, status.name());
		attributes.put(Invoice.ISSUED_AT, issuedAt);
		attributes.put(Invoice.DUE_AT, dueAt);
		return new Entity(EntityTypes.INVOICE, id(key), 1, createdAt, updatedAt, false, attributes);
	}

	/** Metadata using every JSON value kind: nested objects and lists, integers, decimals, booleans, text. */
	public static Map<String, Object> richMetadata() {
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("city", "London");
		address.put("lines", List.of("1 Main Street", "Flat 2"));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("tier", "gold");
		metadata.put("score", 42);
		metadata.put("big", 3_000_000_000L);
		metadata.put("ratio", 1.5);
		metadata.put("vip", true);
		metadata.put("churned", false);
		metadata.put("tags", List.of("a", "b", 7, false));
		metadata.put("address", address);
		metadata.put("empty", Map.of());
		metadata.put("none", List.of());
		return metadata;
	}

	/**
	 * Six live customers: names with a tie (two "Grace"), a creation time shared by two, two without
	 * phone and two sharing one, an updatedAt order unlike the creation order.
	 */
	public static List<Entity> customers() {
		return List.of(
				customer("c1", "Ada", "ada@example.com", "+1 555 0101", richMetadata(), at(1), at(50)),
				customer("c2", "Grace", "grace@example.com", null, null, at(2), at(2)),
				customer("c3", "Alan", "alan@example.org", "+1 555 0103", Map.of(), at(2), at(90)),
				customer("c4", "Grace", "grace.h@example.org", "+1 555 0104", Map.of("tier", "silver"), at(3), at(40)),
				customer("c5", "Linus", "linus@example.net", null, null, at(4), at(70)),
				customer("c6", "Barbara", "barbara@example.com", "+1 555 0101", null, at(5), at(5)));
	}

	/** A customer that the standard data set creates and then deletes: never listed. */
	public static Entity deletedCustomer() {
		return customer("c-deleted", "Ada", "ada@example.com", "+1 555 0101", null, at(3), at(3));
	}

	/**
	 * Eight live invoices of customers c1, c2 and c3 (none of the others): amounts with equal values
	 * at different scales (19.90 and 19.9, 100.00 and 100), shared creation and issue times, missing
	 * issue and due times, every status.
	 */
	public static List<Entity> invoices() {
		return List.of(
				invoice("i1", "c1", "INV-001", "100.00", "EUR", InvoiceStatus.PAID, at(10), at(40), at(10), at(60)),
				invoice("i2", "c1", "INV-002", "19.90", "EUR", InvoiceStatus.OPEN, at(11), at(41), at(11), at(11)),
				invoice("i3", "c1", "INV-003", "19.9", "USD", InvoiceStatus.DRAFT, null, null, at(11), at(30)),
				invoice("i4", "c2", "INV-004", "250.50", "USD", InvoiceStatus.OPEN, at(12), null, at(12), at(12)),
				invoice("i5", "c2", "INV-005", "0.00", "EUR", InvoiceStatus.VOID, at(13), at(43), at(13), at(80)),
				invoice("i6", "c3", "INV-006", "1234567.89", "GBP", InvoiceStatus.PAID, at(14), at(44), at(14), at(14)),
				invoice("i7", "c1", "INV-007", "100", "EUR", InvoiceStatus.OPEN, at(12), at(41), at(15), at(15)),
				invoice("i8", "c3", "INV-008", "5.25", "EUR", InvoiceStatus.UNCOLLECTIBLE, at(16), null, at(16), at(16)));
	}

	/** An invoice that the standard data set creates and then deletes: never listed. */
	public static Entity deletedInvoice() {
		return invoice("i-deleted", "c1", "INV-009", "19.90", "EUR", InvoiceStatus.OPEN, at(11), at(41), at(11), at(11));
	}

	/** The live entities of the standard data set of {@code type}. */
	public static List<Entity> standard(EntityType type) {
		return switch (type.name()) {
			case "customer" -> customers();
			case "invoice" -> invoices();
			default -> throw new IllegalArgumentException("no sample data for " + type);
		};
	}

	/** The entity the standard data set of {@code type} creates and deletes. */
	public static Entity standardDeleted(EntityType type) {
		return switch (type.name()) {
			case "customer" -> deletedCustomer();
			case "invoice" -> deletedInvoice();
			default -> throw new IllegalArgumentException("no sample data for " + type);
		};
	}

	/** One entity of {@code type} with every optional field set, for write tests. */
	public static Entity sample(EntityType type, String key) {
		return switch (type.name()) {
			case "customer" -> customer(key, "Sample " + key, key + "@example.com", "+1 555 0199", richMetadata(),
					at(100), at(100));
			case "invoice" -> invoice(key, "c1", "INV-" + key, "19.90", "EUR", InvoiceStatus.DRAFT, at(100), at(130),
					at(100), at(100));
			default -> throw new IllegalArgumentException("no sample data for " + type);
		};
	}

	/**
	 * A change of {@code type} that sets one required field to {@code marker} (text) and clears one
	 * optional field with {@code null}: the field names are {@link #changedField} and {@link #clearedField}.
	 */
	public static Map<String, Object> change(EntityType type, String marker) {
		Map<String, Object> changes = new HashMap<>();
		changes.put(changedField(type), switch (type.name()) {
			case "customer" -> marker + "@example.com";
			case "invoice" -> "INV-" + marker;
			default -> throw new IllegalArgumentException("no sample data for " + type);
		});
		changes.put(clearedField(type), null);
		return changes;
	}

	/** The required text field {@link #change} sets. */
	public static String changedField(EntityType type) {
		return type.name().equals("customer") ? Customer.EMAIL : Invoice.NUMBER;
	}

	/** The optional field {@link #change} clears. */
	public static String clearedField(EntityType type) {
		return type.name().equals("customer") ? Customer.PHONE : Invoice.DUE_AT;
	}
}
