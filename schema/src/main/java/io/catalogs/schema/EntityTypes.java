package io.catalogs.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The entity types the gateway serves today. Adding one here (plus SDL and a record) is all the SPI needs. */
public final class EntityTypes {

	/** A customer: name, email, optional phone and free-form metadata. */
	public static final EntityType CUSTOMER = EntityType.of("customer",
			FieldDef.required(Customer.NAME, FieldType.STRING),
			FieldDef.required(Customer.EMAIL, FieldType.STRING),
			FieldDef.optional(Customer.PHONE, FieldType.STRING),
			FieldDef.optional(Customer.METADATA, FieldType.JSON));

	/** An invoice of one customer. */
	public static final EntityType INVOICE = EntityType.of("invoice",
			FieldDef.required(Invoice.CUSTOMER_ID, FieldType.ID),
			FieldDef.required(Invoice.NUMBER, FieldType.STRING),
			FieldDef.required(Invoice.AMOUNT, FieldType.DECIMAL),
			FieldDef.required(Invoice.CURRENCY, FieldType.STRING),
			FieldDef.requiredEnum(Invoice.STATUS, Arrays.stream(InvoiceStatus.values()).map(Enum::name).toList()),
			FieldDef.optional(Invoice.ISSUED_AT, FieldType.TIMESTAMP),
			FieldDef.optional(Invoice.DUE_AT, FieldType.TIMESTAMP));

	private static final List<EntityType> ALL = List.of(CUSTOMER, INVOICE);

	private EntityTypes() {
	}

	/** Every known entity type. */
	public static List<EntityType> all() {
		return ALL;
	}

	/** The entity type of that name (case-insensitive), if known. */
	public static Optional<EntityType> find(String name) {
		return ALL.stream().filter(type -> type.name().equalsIgnoreCase(name)).findFirst();
	}
}
