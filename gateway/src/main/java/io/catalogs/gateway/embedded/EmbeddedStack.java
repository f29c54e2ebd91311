package io.catalogs.gateway.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The stores of the embedded default, started once per JVM and stopped when the JVM exits
 * (Ctrl-C included, so no orphaned server process is left): a real PostgreSQL (zonky binaries), a real Redis (embedded binary), an
 * in-process MongoDB wire-protocol server and, on first use of {@link #kafkaBootstrapServers()}, an
 * in-process Apache Kafka broker in KRaft mode. Every store listens on a free loopback port. Tests
 * share the same instance across all their Spring contexts.
 */
public final class EmbeddedStack {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedStack.class);

	private static EmbeddedStack shared;

	private final EmbeddedPostgres postgres;

	private final MongoServer mongo;

	private final InetSocketAddress mongoAddress;

	private final int redisPort;

	private RedisServer redis;

	private EmbeddedKafkaKraftBroker kafka;

	private boolean stopped;

	private EmbeddedStack() throws IOException {
		long start = System.nanoTime();
		this.postgres = EmbeddedPostgres.builder().start();
		this.mongo = new MongoServer(new MemoryBackend());
		this.mongo.bind("127.0.0.1", 0);
		this.mongoAddress = this.mongo.getLocalAddress();
		this.redisPort = freePort();
		this.redis = newRedis(this.redisPort);
		this.redis.start();
		logger.info("Embedded stores started in {} ms: postgres on port {}, mongo on port {}, redis on port {}",
				(System.nanoTime() - start) / 1_000_000, this.postgres.getPort(), this.mongoAddress.getPort(),
				this.redisPort);
	}

	/** The JVM's embedded stack, started on first use. */
	public static synchronized EmbeddedStack shared() {
		if (shared == null) {
			try {
				shared = new EmbeddedStack();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not start the embedded stores", ex);
			}
			// runs when the JVM exits, after Spring has closed the application contexts it knows
			SpringApplication.getShutdownHandlers().add(shared::stop);
		}
		return shared;
	}

	/** The R2DBC URL of the embedded PostgreSQL's {@code postgres} database. */
	public String postgresR2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
	}

	/** The JDBC URL of the embedded PostgreSQL's {@code postgres} database. */
	public String postgresJdbcUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	/** The user of the embedded PostgreSQL (trust authentication, no password). */
	public String postgresUser() {
		return "postgres";
	}

	/** The URI of the embedded MongoDB wire server's {@code catalogs} database. */
	public String mongoUri() {
		return "mongodb://127.0.0.1:" + this.mongoAddress.getPort() + "/catalogs";
	}

	/** The URI of the embedded Redis, database 0. */
	public String redisUri() {
		return "redis://127.0.0.1:" + this.redisPort + "/0";
	}

	/**
	 * The bootstrap servers of the embedded Kafka broker, started on first call (one broker, topics
	 * created only on request, consumer groups rebalanced without delay, a small offsets topic).
	 */
	public synchronized String kafkaBootstrapServers() {
		if (this.kafka == null) {
			long start = System.nanoTime();
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
					"offsets.topic.replication.factor", "1", "offsets.topic.num.partitions", "5",
					"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
			broker.afterPropertiesSet();
			this.kafka = broker;
			logger.info("Embedded Kafka started in {} ms on {}", (System.nanoTime() - start) / 1_000_000,
					broker.getBrokersAsString());
		}
		return this.kafka.getBrokersAsString();
	}

	/** Stop the embedded Redis (to see how the gateway copes with a store that goes down). */
	public synchronized void stopRedis() {
		try {
			this.redis.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Start the embedded Redis again on the same port, empty. */
	public synchronized void startRedis() {
		try {
			this.redis = newRedis(this.redisPort);
			this.redis.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private synchronized void stop() {
		if (this.stopped) {
			return;
		}
		this.stopped = true;
		try {
			this.redis.stop();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Stopping embedded Redis failed: {}", ex.toString());
		}
		this.mongo.shutdownNow();
		if (this.kafka != null) {
			try {
				this.kafka.destroy();
			}
			catch (RuntimeException ex) {
				logger.warn("Stopping embedded Kafka failed: {}", ex.toString());
			}
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			logger.warn("Stopping embedded PostgreSQL failed: {}", ex.toString());
		}
	}

	private static RedisServer newRedis(int port) throws IOException {
		return RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}
}
