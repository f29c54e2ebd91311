package io.catalogs.schema;

/** The life cycle of an invoice, as in the GraphQL enum of the same name. */
public enum InvoiceStatus {
	DRAFT, OPEN, PAID, VOID, UNCOLLECTIBLE
}
