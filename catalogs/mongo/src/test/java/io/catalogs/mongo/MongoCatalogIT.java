package io.catalogs.mongo;

import io.catalogs.spi.Catalog;
import io.catalogs.tck.AbstractCatalogContractTests;

import org.junit.jupiter.api.AfterAll;

/** The catalog contract on the Mongo catalog, against the in-process MongoDB wire-protocol server. */
class MongoCatalogIT extends AbstractCatalogContractTests {

	private static final String DATABASE = "contract";

	private static MongoCatalog catalog;

	@Override
	protected Catalog catalog() {
		if (catalog == null) {
			catalog = MongoTestServer.catalog("mongo", DATABASE);
		}
		return catalog;
	}

	@Override
	protected void clear() {
		MongoTestServer.clear(DATABASE);
	}

	@AfterAll
	static void closeCatalog() {
		if (catalog != null) {
			catalog.close().block();
			catalog = null;
		}
	}
}
