package io.catalogs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the JDK's {@code jcmd} against another JVM (the gateway) and returns what it printed. */
final class Jcmd {

	private static final Logger logger = LoggerFactory.getLogger(Jcmd.class);

	private Jcmd() {
	}

	/** The output of {@code jcmd <pid> <command...>}, or {@code null} when it failed (logged). */
	static String run(long pid, String... command) {
		List<String> line = new ArrayList<>();
		line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
		line.add(Long.toString(pid));
		line.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				logger.warn("{} failed: {}", line, output.trim());
				return null;
			}
			return output;
		}
		catch (IOException ex) {
			logger.warn("{} failed: {}", line, ex.toString());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
