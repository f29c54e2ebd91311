package io.catalogs.postgres;

import io.catalogs.spi.Catalog;
import io.catalogs.tck.AbstractCatalogContractTests;

import java.time.Duration;

import org.springframework.r2dbc.core.DatabaseClient;

/** The catalog contract on the embedded PostgreSQL server, tables in their own schema. */
class PostgresCatalogIT extends AbstractCatalogContractTests {

	private static PostgresCatalog catalog;

	@Override
	protected Catalog catalog() {
		return postgresCatalog();
	}

	@Override
	protected void clear() {
		DatabaseClient.create(postgresCatalog().connectionFactory())
			.sql("TRUNCATE contract.customers, contract.invoices")
			.then()
			.block(Duration.ofSeconds(30));
	}

	private static synchronized PostgresCatalog postgresCatalog() {
		if (catalog == null) {
			catalog = new PostgresCatalogFactory().create(TestPostgres.definition("postgres"),
					TestPostgres.properties("contract"));
		}
		return catalog;
	}
}
