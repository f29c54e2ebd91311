package io.catalogs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java Flight Recorder profile of the gateway process, started and stopped with {@code jcmd}, and
 * its summary: CPU samples ({@code jdk.ExecutionSample}) by leaf method, by leaf-most non-JDK method
 * (where JDK time is spent from), by the library that owns that frame (self), and by every library on
 * the stack (inclusive); allocated bytes (exact, from the threads' allocation counters) and allocation
 * samples by library (approximate: JFR weighs each sample by what its thread allocated since the
 * previous one); GC pauses.
 */
final class JfrProfile {

	private static final Logger logger = LoggerFactory.getLogger(JfrProfile.class);

	private static final String NAME = "bench-read";

	/** Package prefixes and the library they belong to, most specific first. */
	private static final String[][] LIBRARIES = { { "org.springframework.graphql.", "spring-graphql" },
			{ "graphql.", "graphql-java" }, { "org.dataloader.", "graphql-java (dataloader)" },
			{ "tools.jackson.", "jackson" }, { "com.fasterxml.jackson.", "jackson" },
			{ "io.r2dbc.postgresql.", "r2dbc-postgresql" }, { "io.r2dbc.", "r2dbc-pool/proxy/spi" },
			{ "reactor.netty.", "reactor-netty" }, { "io.netty.", "netty" }, { "reactor.", "reactor-core" },
			{ "org.springframework.r2dbc.", "spring-r2dbc" }, { "org.springframework.web.", "spring-webflux" },
			{ "org.springframework.http.", "spring-webflux" }, { "org.springframework.", "spring (other)" },
			{ "io.micrometer.", "micrometer" }, { "io.catalogs.", "catalog gateway code" },
			{ "de.bwaldvogel.", "mongo-java-server (embedded)" }, { "com.mongodb.", "mongodb-driver" },
			{ "org.bson.", "mongodb-driver" }, { "io.lettuce.", "lettuce" }, { "org.apache.kafka.", "kafka" },
			{ "kafka.", "kafka" }, { "com.github.benmanes.caffeine.", "caffeine" } };

	private final long pid;

	private final Path file;

	private JfrProfile(long pid, Path file) {
		this.pid = pid;
		this.file = file;
	}

	/** Start recording {@code pid} with the {@code profile} settings into {@code file}. */
	static JfrProfile start(long pid, Path file) {
		JfrProfile profile = new JfrProfile(pid, file.toAbsolutePath());
		profile.jcmd("JFR.start", "name=" + NAME, "settings=profile", "filename=" + profile.file);
		return profile;
	}

	/** Stop recording (the file is written) and summarize it as JSON. */
	Map<String, Object> stopAndSummarize() {
		jcmd("JFR.stop", "name=" + NAME);
		try {
			return summarize(this.file);
		}
		catch (IOException ex) {
			logger.warn("Could not read the profile {}: {}", this.file, ex.toString());
			return Map.of("error", ex.toString());
		}
	}

	/** The summary of a recording. */
	static Map<String, Object> summarize(Path file) throws IOException {
		Map<String, Long> leafMethods = new HashMap<>();
		Map<String, Long> nonJdkMethods = new HashMap<>();
		Map<String, Long> threads = new HashMap<>();
		Map<String, Long> selfLibraries = new HashMap<>();
		Map<String, Long> inclusiveLibraries = new HashMap<>();
		Map<String, Long> allocationLibraries = new HashMap<>();
		long samples = 0;
		long allocationWeight = 0;
		Map<Long, long[]> allocatedByThread = new HashMap<>();
		long gcCount = 0;
		Duration gcPause = Duration.ZERO;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ExecutionSample")) {
				RecordedStackTrace stack = event.getStackTrace();
				if (stack == null || stack.getFrames().isEmpty()) {
					continue;
				}
				samples++;
				List<RecordedFrame> frames = stack.getFrames();
				leafMethods.merge(method(frames.get(0)), 1L, Long::sum);
				nonJdkMethods.merge(nonJdkMethod(frames), 1L, Long::sum);
				RecordedThread thread = event.getThread("sampledThread");
				threads.merge((thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "?", 1L, Long::sum);
				selfLibraries.merge(selfLibrary(frames), 1L, Long::sum);
				Set<String> onStack = new LinkedHashSet<>();
				for (RecordedFrame frame : frames) {
					String library = library(className(frame));
					if (library != null) {
						onStack.add(library);
					}
				}
				onStack.forEach((library) -> inclusiveLibraries.merge(library, 1L, Long::sum));
			}
			else if (type.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				allocationWeight += weight;
				RecordedStackTrace stack = event.getStackTrace();
				String library = (stack != null) ? selfLibrary(stack.getFrames()) : "unknown";
				allocationLibraries.merge(library, weight, Long::sum);
			}
			else if (type.equals("jdk.ThreadAllocationStatistics")) {
				long allocated = event.getLong("allocated");
				RecordedThread thread = event.getThread("thread");
				long id = (thread != null) ? thread.getJavaThreadId() : -1;
				allocatedByThread.merge(id, new long[] { allocated, allocated },
						(range, more) -> new long[] { Math.min(range[0], more[0]), Math.max(range[1], more[1]) });
			}
			else if (type.equals("jdk.GarbageCollection")) {
				gcCount++;
				gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
			}
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("file", file.toString());
		json.put("executionSamples", samples);
		json.put("selfByLibraryPercent", percentages(selfLibraries, samples, 12));
		json.put("inclusiveByLibraryPercent", percentages(inclusiveLibraries, samples, 12));
		json.put("topLeafMethodsPercent", percentages(leafMethods, samples, 15));
		json.put("topNonJdkMethodsPercent", percentages(nonJdkMethods, samples, 20));
		json.put("samplesByThreadPercent", percentages(threads, samples, 8));
		json.put("allocationSamplesByLibraryPercent", percentages(allocationLibraries, allocationWeight, 8));
		long allocated = allocatedByThread.values().stream().mapToLong((range) -> range[1] - range[0]).sum();
		json.put("allocatedMb", allocated / (1024 * 1024));
		json.put("gcCount", gcCount);
		json.put("gcPauseMs", gcPause.toMillis());
		return json;
	}

	/** The library of the leaf-most frame that is not the JDK's, or {@code jdk} when all are. */
	private static String selfLibrary(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String className = className(frame);
			if (isJdk(className)) {
				continue;
			}
			String library = library(className);
			return (library != null) ? library : packageOf(className);
		}
		return "jdk";
	}

	/** The leaf-most method that is not the JDK's: where JDK time (collections, regex...) is spent from. */
	private static String nonJdkMethod(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			if (!isJdk(className(frame))) {
				return method(frame);
			}
		}
		return method(frames.get(0));
	}

	private static String library(String className) {
		for (String[] library : LIBRARIES) {
			if (className.startsWith(library[0])) {
				return library[1];
			}
		}
		return null;
	}

	private static boolean isJdk(String className) {
		return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
				|| className.startsWith("javax.") || className.startsWith("com.sun.");
	}

	private static String packageOf(String className) {
		String[] parts = className.split("\\.");
		return (parts.length > 2) ? parts[0] + "." + parts[1] + "." + parts[2] : className;
	}

	private static String className(RecordedFrame frame) {
		return (frame.getMethod() != null && frame.getMethod().getType() != null) ? frame.getMethod().getType().getName()
				: "?";
	}

	private static String method(RecordedFrame frame) {
		return (frame.getMethod() != null) ? className(frame) + "." + frame.getMethod().getName() : "?";
	}

	private static Map<String, Object> percentages(Map<String, Long> counts, long total, int limit) {
		List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
		sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
		Map<String, Object> json = new LinkedHashMap<>();
		for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(limit, sorted.size()))) {
			json.put(entry.getKey(), LoadResult.round(100.0 * entry.getValue() / Math.max(1, total), 1));
		}
		return json;
	}

	private void jcmd(String... command) {
		try {
			Files.createDirectories(this.file.getParent());
		}
		catch (IOException ex) {
			logger.warn("Could not create {}: {}", this.file.getParent(), ex.toString());
		}
		Jcmd.run(this.pid, command);
	}
}
