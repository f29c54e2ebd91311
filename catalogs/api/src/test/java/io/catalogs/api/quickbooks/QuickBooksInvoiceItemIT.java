package io.catalogs.api.quickbooks;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.SampleEntities;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code invoice-item-id} key of a QuickBooks catalog: bound from configuration (default
 * {@code 1}) and used as the item of the sales line of every new invoice.
 */
class QuickBooksInvoiceItemIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Test
	void theKeyIsBoundWithDefaultOne() {
		QuickBooksCatalogProperties set = bind(Map.of("realm-id", "1", "invoice-item-id", "42"));
		QuickBooksCatalogProperties unset = bind(Map.of("realm-id", "1", "oauth.client-id", "c", "oauth.client-secret", "s",
				"oauth.refresh-token", "r"));

		assertThat(set.invoiceItemId()).isEqualTo("42");
		assertThat(unset.invoiceItemId()).isNull();
		assertThat(unset.client("qb").invoiceItemId()).isEqualTo("1");
	}

	@Test
	@SuppressWarnings("unchecked")
	void newInvoiceLinesReferToTheConfiguredItem() {
		FakeServers.quickbooksVendor().clearEntities();
		QuickBooksCatalogProperties defaults = QuickBooksTestCatalogs.properties(ReadCacheProperties.disabled());
		QuickBooksCatalogProperties properties = new QuickBooksCatalogProperties(defaults.baseUrl(), defaults.realmId(), null,
				"7", defaults.oauth(), null, defaults.timeout(), defaults.rateLimit(), defaults.retry(), null,
				defaults.readCache(), null, null);
		Catalog catalog = new QuickBooksCatalogFactory(new InMemoryApiLinkStore()).create(new CatalogDefinition("quickbooks",
				"quickbooks", CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE)), properties);
		Entity customer = SampleEntities.sample(EntityTypes.CUSTOMER, "item-c1");
		catalog.create(customer).block(TIMEOUT);

		catalog.create(SampleEntities.invoice("item-i1", "item-c1", "INV-item", "10.00", "EUR", InvoiceStatus.OPEN,
				Instant.parse("2024-01-31T12:00:00Z"), null, SampleEntities.at(1), SampleEntities.at(2))).block(TIMEOUT);

		assertThat(FakeServers.quickbooksVendor().entities("Invoice")).filteredOn((stored) -> "INV-item".equals(stored.get("DocNumber")))
			.singleElement()
			.satisfies((stored) -> assertThat((List<Map<String, Object>>) stored.get("Line")).singleElement()
				.satisfies((line) -> assertThat(line).containsEntry("SalesItemLineDetail", Map.of("ItemRef", Map.of("value", "7")))));
	}

	private static QuickBooksCatalogProperties bind(Map<String, String> keys) {
		return new Binder(new MapConfigurationPropertySource(keys)).bindOrCreate("", QuickBooksCatalogProperties.class);
	}
}
