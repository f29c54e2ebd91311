package io.catalogs.bench;

import io.catalogs.schema.Entity;
import io.catalogs.schema.Invoice;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataSetTests {

	@Test
	void isTheSameOnEveryRun() {
		DataSet first = DataSet.of(50, 5);
		DataSet second = DataSet.of(50, 5);
		assertThat(first.customers()).isEqualTo(second.customers());
		assertThat(first.invoices()).isEqualTo(second.invoices());
	}

	@Test
	void givesEveryCustomerItsInvoicesWithDistinctIds() {
		DataSet data = DataSet.of(200, 5);
		assertThat(data.customers()).hasSize(200);
		assertThat(data.invoices()).hasSize(1000);
		assertThat(data.size()).isEqualTo(1200);
		assertThat(data.invoices().stream().map(Entity::id).distinct()).hasSize(1000);
		assertThat(data.invoices().stream().filter((invoice) -> DataSet.customerId(7).equals(invoice.get(Invoice.CUSTOMER_ID))))
			.hasSize(5);
	}

	@Test
	void ordersCustomersByIndexInTheDefaultOrder() {
		List<Entity> customers = DataSet.of(300, 1).customers();
		List<Entity> byCreation = customers.stream().sorted(Comparator.comparing(Entity::createdAt)).toList();
		assertThat(byCreation).isEqualTo(customers);
		assertThat(customers.get(0).id()).isEqualTo(DataSet.customerId(0));
	}
}
