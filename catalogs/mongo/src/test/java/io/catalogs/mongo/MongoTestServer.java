package io.catalogs.mongo;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The in-process MongoDB wire-protocol server (mongo-java-server, memory backend) shared by every
 * test of the JVM: started on first use on a free loopback port, stopped when the JVM exits. Each
 * test class uses its own database so that classes do not see each other's data.
 */
final class MongoTestServer {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private MongoTestServer() {
	}

	/** The connection string of database {@code database} on the shared server. */
	static String uri(String database) {
		InetSocketAddress address = Holder.SERVER.getLocalAddress();
		return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
	}

	/** A driver client of the shared server, for tests that look at or clean the stored documents. */
	static MongoDatabase database(String database) {
		return Holder.CLIENT.getDatabase(database);
	}

	/** A catalog holding every entity type, created by the factory as the gateway would. */
	static MongoCatalog catalog(String name, String database) {
		return new MongoCatalogFactory().create(definition(name, EntityTypes.all().toArray(EntityType[]::new)),
				MongoCatalogProperties.of(uri(database)));
	}

	static CatalogDefinition definition(String name, EntityType... types) {
		return new CatalogDefinition(name, MongoCatalogFactory.KIND, CatalogRole.SECONDARY, Set.of(types));
	}

	/** Delete every document (tombstones included) of every entity type's collection, keeping the indexes. */
	static void clear(String database) {
		Flux.fromIterable(EntityTypes.all())
			.flatMap(type -> MongoCollectionMapping.find(type).map(Mono::just).orElseGet(Mono::empty))
			.concatMap(mapping -> Mono.from(database(database).getCollection(mapping.collection()).deleteMany(new Document())))
			.then()
			.block(TIMEOUT);
	}

	/** Started on first access to this class, never twice. */
	private static final class Holder {

		static final MongoServer SERVER = start();

		static final MongoClient CLIENT = MongoClients.create(uri("admin"));

		private static MongoServer start() {
			MongoServer server = new MongoServer(new MemoryBackend());
			server.bind("127.0.0.1", 0);
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-test-server-shutdown"));
			return server;
		}
	}
}
