package io.catalogs.bench;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.InMemoryCatalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConvergenceCheckTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void findsNothingWhenEverySecondaryHoldsTheSameVersions() {
		DataSet data = DataSet.of(2500, 1);
		Catalog primary = catalog("postgres", data.customers(), data.invoices());
		Catalog secondary = catalog("mongo", data.customers(), data.invoices());
		Map<String, Object> result = ConvergenceCheck.compare(primary, Map.of("mongo", secondary));
		assertThat(result.get("primaryEntities")).isEqualTo(5000);
		assertThat(result.get("mongo")).isEqualTo(figures(0, 0, 0, 0));
	}

	@Test
	void countsMissingDivergentAndExtraEntities() {
		DataSet data = DataSet.of(10, 1);
		List<Entity> customers = data.customers();
		Catalog primary = catalog("postgres", customers, data.invoices());
		Entity updated = customers.get(3).withChanges(Map.of(Customer.NAME, "Renamed"), NOW);
		primary.applyIfNewer(updated).block();
		Entity extra = Entity.create(EntityTypes.CUSTOMER, DataSet.customerId(999), NOW,
				Map.of(Customer.NAME, "Only here", Customer.EMAIL, "only@bench.example"));
		// the secondary lacks customer 0, holds customer 3 at version 1, and holds one the primary does not
		Catalog secondary = catalog("redis", customers.subList(1, customers.size()), data.invoices());
		secondary.create(extra).block();
		Map<String, Object> result = ConvergenceCheck.compare(primary, Map.of("redis", secondary));
		assertThat(result.get("redis")).isEqualTo(figures(1, 1, 0, 1));
	}

	private static Map<String, Object> figures(long missing, long divergent, long duplicated, long extra) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("missing", missing);
		figures.put("divergent", divergent);
		figures.put("duplicated", duplicated);
		figures.put("extra", extra);
		return figures;
	}

	private static Catalog catalog(String name, List<Entity> customers, List<Entity> invoices) {
		Set<io.catalogs.schema.EntityType> types = Set.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE);
		InMemoryCatalog catalog = new InMemoryCatalog(new CatalogDefinition(name, "memory", CatalogRole.SECONDARY, types),
				InMemoryCatalog.allCapabilities(types));
		customers.forEach((customer) -> catalog.create(customer).block());
		invoices.forEach((invoice) -> catalog.create(invoice).block());
		return catalog;
	}
}
