package io.catalogs.api.mapping;

import io.catalogs.api.hubspot.HubSpotCatalogFactory;
import io.catalogs.api.quickbooks.QuickBooksCatalogFactory;
import io.catalogs.api.salesforce.SalesforceCatalogFactory;
import io.catalogs.api.stripe.StripeCatalogFactory;
import io.catalogs.schema.EntityTypes;

import java.util.List;
import java.util.Map;

/** The schemas of the vendor objects the shipped mappings target, plus a test schema exercising every conversion. */
final class VendorSchemas {

	static final RemoteSchema STRIPE_CUSTOMER = StripeCatalogFactory.SCHEMAS.get(EntityTypes.CUSTOMER);

	static final RemoteSchema HUBSPOT_CONTACT = HubSpotCatalogFactory.SCHEMAS.get(EntityTypes.CUSTOMER);

	static final RemoteSchema SALESFORCE_CONTACT = SalesforceCatalogFactory.SCHEMAS.get(EntityTypes.CUSTOMER);

	static final RemoteSchema QUICKBOOKS_CUSTOMER = QuickBooksCatalogFactory.SCHEMAS.get(EntityTypes.CUSTOMER);

	static final RemoteSchema TEST_INVOICE = RemoteSchema.of("test invoice",
			RemotePath.writable("customer", RemoteValueType.TEXT), RemotePath.writable("amount", RemoteValueType.INTEGER),
			RemotePath.writable("currency", RemoteValueType.TEXT), RemotePath.writable("status", RemoteValueType.TEXT),
			RemotePath.writable("issued", RemoteValueType.INTEGER), RemotePath.writable("due", RemoteValueType.TEXT),
			RemotePath.writable("due_day", RemoteValueType.DATE), RemotePath.writable("paid_at", RemoteValueType.INTEGER),
			RemotePath.writable("total", RemoteValueType.DECIMAL), RemotePath.readOnly("created", RemoteValueType.INTEGER),
			RemotePath.anyKeyBelow("metadata", RemoteValueType.TEXT, 40));

	private VendorSchemas() {
	}

	/** A whole invoice mapping onto {@link #TEST_INVOICE}, exercising cents, epoch millis, enum maps, links and transforms. */
	static Map<String, FieldMappingProperties> testInvoiceMapping() {
		return Map.ofEntries(
				Map.entry("id", FieldMappingProperties.path("metadata.gateway_id")),
				Map.entry("version", FieldMappingProperties.path("metadata.gateway_version")),
				Map.entry("createdAt", FieldMappingProperties.path("metadata.gateway_created_at")),
				Map.entry("updatedAt", FieldMappingProperties.path("metadata.gateway_updated_at")),
				Map.entry("customerId", new FieldMappingProperties(List.of("customer"), "link:customer", null, null, null, null, null, null, null)),
				// no fallback: the shipped one names Stripe paths this schema does not have
				Map.entry("number", new FieldMappingProperties(List.of("metadata.gateway_number"), null, null, null, null, null,
						null, null, null, List.of())),
				Map.entry("amount", new FieldMappingProperties(List.of("amount"), "cents", null, null, null, null, null, null, null)),
				Map.entry("currency", new FieldMappingProperties(List.of("currency"), null, List.of("lower-case"), List.of("upper-case"),
						null, null, null, null, null)),
				Map.entry("status", new FieldMappingProperties(List.of("status"), null, null, null, null, null, Map.of("DRAFT", "draft",
						"OPEN", "open", "PAID", "paid", "VOID", "void", "UNCOLLECTIBLE", "uncollectible"), null, null)),
				Map.entry("issuedAt", new FieldMappingProperties(List.of("issued"), "epoch-millis", null, null, null, null, null, null, null)),
				Map.entry("dueAt", FieldMappingProperties.path("due")));
	}
}
