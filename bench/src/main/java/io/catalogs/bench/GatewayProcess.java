package io.catalogs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway as its own JVM process ({@code java -jar} of the Spring Boot jar), on the embedded
 * default with the demo seed off, so that its memory is measured alone. Started once per run; its
 * output goes to a log file; stopped (SIGTERM, so the embedded stores stop too) when the run ends or
 * the benchmark's JVM exits.
 */
final class GatewayProcess implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GatewayProcess.class);

	private final Process process;

	private final int port;

	private final long startedNanos;

	private final List<String> command;

	private GatewayProcess(Process process, int port, long startedNanos, List<String> command) {
		this.process = process;
		this.port = port;
		this.startedNanos = startedNanos;
		this.command = command;
	}

	/** Start the jar of {@code options}, logging to {@code log}. */
	static GatewayProcess start(BenchOptions options, Path log) {
		Path jar = options.gatewayJar().toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("no gateway jar at " + jar + ": build it with mvn -DskipTests install");
		}
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options.gatewayJavaOptions());
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--catalogs.embedded.seed=false");
		command.addAll(options.gatewayArguments());
		try {
			Files.createDirectories(log.getParent());
			long started = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			logger.info("Started the gateway (pid {}) on port {}, logging to {}", process.pid(), port, log);
			GatewayProcess gateway = new GatewayProcess(process, port, started, command);
			Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "stop-gateway"));
			return gateway;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + command, ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	boolean alive() {
		return this.process.isAlive();
	}

	/** When the process was started, on the {@link System#nanoTime()} clock. */
	long startedNanos() {
		return this.startedNanos;
	}

	List<String> command() {
		return this.command;
	}

	/** Stop the gateway: SIGTERM, then SIGKILL after 30 s. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				logger.warn("The gateway did not stop within 30 s; killing it");
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
