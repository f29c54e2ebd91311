package io.catalogs.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary shipped in the embedded-redis jar) on a free local port, without
 * persistence. {@link #shared()} is the one server of the test JVM, started on first use and stopped
 * when the JVM exits; tests that stop a server on purpose start their own with {@link #start()}.
 */
final class EmbeddedRedis {

	private final RedisServer server;

	private final int port;

	private EmbeddedRedis(int port) throws IOException {
		this.port = port;
		this.server = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(port)
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
	}

	/** The server shared by the test classes of this JVM. */
	static EmbeddedRedis shared() {
		return Shared.INSTANCE;
	}

	/** A new server of its own, started. */
	static EmbeddedRedis start() {
		try {
			EmbeddedRedis redis = new EmbeddedRedis(freePort());
			redis.resume();
			return redis;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The {@code redis://} URI of database 0. */
	String uri() {
		return "redis://127.0.0.1:" + this.port + "/0";
	}

	/** Stop the server process (its data is lost). */
	void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Start the server process again on the same port. */
	void resume() {
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static final class Shared {

		static final EmbeddedRedis INSTANCE = start();

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::stop));
		}
	}
}
