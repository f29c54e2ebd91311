package io.catalogs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a reader needs to compare runs: the machine (cores, CPU, memory, load, other JVMs that
 * share it), the benchmark's JVM, and the gateway's JVM with its heap settings.
 */
final class MachineFacts {

	private MachineFacts() {
	}

	/** The machine and the benchmark's own JVM. */
	static Map<String, Object> machine() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("date", Instant.now().toString());
		json.put("cores", Runtime.getRuntime().availableProcessors());
		json.put("cpu", cpuModel());
		json.put("memoryMb", meminfoKb("MemTotal:") / 1024);
		json.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		json.put("loadAverageAtStart", loadAverage());
		json.put("otherJvmsAtStart", otherJvms());
		Map<String, Object> jvm = new LinkedHashMap<>();
		jvm.put("version", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		jvm.put("arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
		jvm.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		json.put("benchJvm", jvm);
		return json;
	}

	/** The gateway's JVM: the command that started it (if we did) and the heap and GC flags it runs with. */
	static Map<String, Object> gatewayJvm(long pid, List<String> javaOptions, GatewayHttp gateway) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("javaOptions", javaOptions);
		if (pid > 0) {
			String flags = Jcmd.run(pid, "VM.flags");
			if (flags != null) {
				json.put("heapAndGcFlags", Arrays.stream(flags.split("\\s+"))
					.filter((flag) -> flag.contains("HeapSize") || flag.matches("-XX:\\+Use\\w*GC"))
					.toList());
			}
			String version = Jcmd.run(pid, "VM.version");
			if (version != null) {
				json.put("version", version.lines().skip(1).findFirst().orElse("").trim());
			}
		}
		double heapMax = gateway.meter("jvm.memory.max", "area:heap", "VALUE");
		if (!Double.isNaN(heapMax)) {
			json.put("heapMaxMb", Math.round(heapMax / (1024 * 1024)));
		}
		return json;
	}

	/** The 1-, 5- and 15-minute load averages. */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** How many other JVMs run on the machine (builds and tests of others make the figures noisy). */
	static long otherJvms() {
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != self)
			.filter((process) -> process.info().command().map((command) -> command.endsWith("/java")).orElse(false))
			.filter((process) -> process.parent().map((parent) -> parent.pid() != self).orElse(true))
			.count();
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long meminfoKb(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return -1;
	}
}
