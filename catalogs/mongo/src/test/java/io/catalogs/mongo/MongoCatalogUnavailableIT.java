package io.catalogs.mongo;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.PageRequest;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.MongoTimeoutException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

import static org.assertj.core.api.Assertions.assertThat;

/** The Mongo catalog with no server behind it: starts anyway, fails fast and retriably, recovers. */
class MongoCatalogUnavailableIT {

	private static final Duration SERVER_SELECTION = Duration.ofMillis(300);

	@Test
	void startsWithoutServerThenFailsFastAsUnavailable() throws IOException {
		int port = freePort();
		long start = System.nanoTime();
		MongoCatalog catalog = catalog(port);
		try {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("startup").isLessThan(Duration.ofSeconds(5));
			List<Supplier<Publisher<?>>> calls = List.of(
					() -> catalog.get(EntityTypes.CUSTOMER, UUID.randomUUID()),
					() -> catalog.getMany(EntityTypes.CUSTOMER, List.of(UUID.randomUUID())),
					() -> catalog.list(EntityTypes.INVOICE, PageRequest.first(5)),
					() -> catalog.delete(EntityTypes.INVOICE, UUID.randomUUID(), null, java.time.Instant.now()),
					catalog::ping);
			for (Supplier<Publisher<?>> call : calls) {
				long callStart = System.nanoTime();
				StepVerifier.create(call.get())
					.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CatalogUnavailableException.class)
						.hasCauseInstanceOf(MongoTimeoutException.class)
						.hasMessageNotContaining("127.0.0.1"))
					.verify(Duration.ofSeconds(10));
				assertThat(Duration.ofNanos(System.nanoTime() - callStart)).as("failing call").isLessThan(Duration.ofSeconds(3));
			}
		}
		finally {
			catalog.close().block();
		}
	}

	@Test
	void createsIndexesOnFirstUseOnceTheServerIsBack() throws IOException {
		int port = freePort();
		MongoCatalog catalog = catalog(port);
		MongoServer server = new MongoServer(new MemoryBackend());
		try {
			StepVerifier.create(catalog.ping()).expectError(CatalogUnavailableException.class).verify(Duration.ofSeconds(10));
			server.bind("127.0.0.1", port);

			StepVerifier.create(catalog.get(EntityTypes.INVOICE, UUID.randomUUID())
				.retryWhen(Retry.fixedDelay(40, Duration.ofMillis(250)).filter(CatalogUnavailableException.class::isInstance)))
				.expectComplete()
				.verify(Duration.ofSeconds(30));

			try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
				List<Document> keys = Flux.from(client.getDatabase("catalogs").getCollection("invoices").listIndexes())
					.map(index -> index.get("key", Document.class))
					.collectList()
					.block(Duration.ofSeconds(10));
				assertThat(keys).contains(new Document("customerId", 1).append("createdAt", 1).append("_id", 1));
			}
		}
		finally {
			catalog.close().block();
			server.shutdownNow();
		}
	}

	private static MongoCatalog catalog(int port) {
		MongoCatalogProperties properties = new MongoCatalogProperties("mongodb://127.0.0.1:" + port + "/catalogs",
				SERVER_SELECTION, Duration.ofMillis(300), null);
		return new MongoCatalogFactory().create(MongoTestServer.definition("mongo-down", EntityTypes.CUSTOMER, EntityTypes.INVOICE),
				properties);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
