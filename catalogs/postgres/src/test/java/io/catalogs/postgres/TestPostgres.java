package io.catalogs.postgres;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded PostgreSQL server shared by every integration test of the JVM, started on first use. */
final class TestPostgres {

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	/** The running server. */
	static synchronized EmbeddedPostgres server() {
		if (server == null) {
			server = start(0);
			EmbeddedPostgres started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
		}
		return server;
	}

	/** A new server on {@code port} (0 for any free one), for tests that stop it themselves. */
	static EmbeddedPostgres start(int port) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			return (port != 0) ? builder.setPort(port).start() : builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Properties for the shared server's {@code postgres} database, tables in {@code schema}. */
	static PostgresCatalogProperties properties(String schema) {
		return properties(server().getPort()).withSchema(schema);
	}

	/** Properties for a server on {@code port}. */
	static PostgresCatalogProperties properties(int port) {
		return PostgresCatalogProperties.of("r2dbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
	}

	/** A primary catalog definition of customers and invoices. */
	static CatalogDefinition definition(String name) {
		return new CatalogDefinition(name, PostgresCatalogFactory.KIND, CatalogRole.PRIMARY,
				Set.<EntityType>copyOf(EntityTypes.all()));
	}
}
