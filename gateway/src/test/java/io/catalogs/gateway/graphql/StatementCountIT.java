package io.catalogs.gateway.graphql;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of customers with their invoices costs one store statement per level whatever the page size:
 * the primary counts the SQL statements it runs in {@code catalog.statements{catalog=<name>}}.
 */
class StatementCountIT extends GraphQlTestSupport {

	private static final String QUERY = "query($first: Int) { customers(first: $first) { edges { node { id name "
			+ "invoices(first: 5) { edges { node { id amount } } pageInfo { hasNextPage } } } } } }";

	@Autowired
	MeterRegistry meters;

	@Autowired
	CatalogRegistry catalogs;

	@Test
	void aPageOfCustomersWithTheirInvoicesCostsTwoStatementsWhateverItsSize() {
		ensureCustomersWithInvoices(50);
		assertThat(statementsFor(50)).isEqualTo(2);
		assertThat(statementsFor(5)).isEqualTo(2);
	}

	@Test
	void aPageOfInvoicesWithTheirCustomersCostsTwoStatements() {
		ensureCustomersWithInvoices(5);
		double before = statements();
		List<Map<String, Object>> invoices = nodes(this.graphQl
			.document("{ invoices(first: 50) { edges { node { id customer { id name } } } } }")
			.execute().path("invoices").entity(MAP).get());
		double after = statements();
		assertThat(invoices).hasSizeGreaterThanOrEqualTo(5)
			.anySatisfy((invoice) -> assertThat(invoice.get("customer")).isNotNull());
		assertThat(after - before).isEqualTo(2);
	}

	private double statementsFor(int first) {
		double before = statements();
		Map<String, Object> connection = this.graphQl.document(QUERY).variable("first", first).execute()
			.path("customers").entity(MAP).get();
		double after = statements();
		List<Map<String, Object>> customers = nodes(connection);
		assertThat(customers).hasSize(first);
		assertThat(customers).anySatisfy((customer) -> assertThat(nodes(invoicesOf(customer))).isNotEmpty());
		return after - before;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> invoicesOf(Map<String, Object> customer) {
		return (Map<String, Object>) customer.get("invoices");
	}

	private void ensureCustomersWithInvoices(int count) {
		List<Map<String, Object>> existing = nodes(this.graphQl.document("{ customers(first: 100) { edges { node { id } } } }")
			.execute().path("customers").entity(MAP).get());
		String token = token();
		for (int i = existing.size(); i < count; i++) {
			createCustomer("Statement " + token + " " + i, i + "." + token + "@example.com");
		}
		List<Map<String, Object>> firstFive = nodes(this.graphQl.document("{ customers(first: 5) { edges { node { id } } } }")
			.execute().path("customers").entity(MAP).get());
		for (Map<String, Object> customer : firstFive) {
			createInvoice(customer.get("id"), "9.99", Map.of());
		}
	}

	private double statements() {
		String primary = this.catalogs.primary(EntityTypes.CUSTOMER).definition().name();
		double total = 0;
		for (Meter meter : this.meters.find("catalog.statements").tag("catalog", primary).meters()) {
			if (meter instanceof Counter counter) {
				total += counter.count();
			}
			else if (meter instanceof FunctionCounter counter) {
				total += counter.count();
			}
		}
		assertThat(this.meters.find("catalog.statements").tag("catalog", primary).meters())
			.as("catalog.statements meter of " + primary).isNotEmpty();
		return total;
	}
}
