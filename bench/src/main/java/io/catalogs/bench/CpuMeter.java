package io.catalogs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time spent by the processes under test over a measured window, from {@code /proc/<pid>/stat}:
 * the gateway's JVM, the PostgreSQL server with its backends, and this benchmark's own JVM. Divided
 * by the requests of the window, it gives a cost per request that holds even when other work shares
 * the machine (throughput and latency do not).
 */
final class CpuMeter {

	/** Clock ticks per second of {@code /proc/<pid>/stat} times ({@code getconf CLK_TCK}; 100 on Linux). */
	private static final double TICKS_PER_SECOND = 100;

	private final long gatewayPid;

	private final long postgresPid;

	private long gatewayStart;

	private long postgresStart;

	private long benchStart;

	CpuMeter(long gatewayPid, long postgresPid) {
		this.gatewayPid = gatewayPid;
		this.postgresPid = postgresPid;
	}

	/** Start the window now. */
	synchronized void start() {
		this.gatewayStart = ticks(this.gatewayPid);
		this.postgresStart = treeTicks(this.postgresPid);
		this.benchStart = benchNanos();
	}

	/** End the window: CPU milliseconds per request of each process, as JSON. */
	synchronized Map<String, Object> perRequest(long requests) {
		Map<String, Object> json = new LinkedHashMap<>();
		double divisor = Math.max(1, requests);
		if (this.gatewayPid > 0) {
			json.put("gateway", LoadResult.round((ticks(this.gatewayPid) - this.gatewayStart) * 1000 / TICKS_PER_SECOND
					/ divisor, 2));
		}
		if (this.postgresPid > 0) {
			json.put("postgres", LoadResult.round((treeTicks(this.postgresPid) - this.postgresStart) * 1000
					/ TICKS_PER_SECOND / divisor, 2));
		}
		json.put("benchJvm", LoadResult.round((benchNanos() - this.benchStart) / 1e6 / divisor, 2));
		return json;
	}

	private static long benchNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static long treeTicks(long pid) {
		if (pid <= 0) {
			return 0;
		}
		List<Long> tree = new ArrayList<>();
		tree.add(pid);
		ProcessMemory.collectChildren(pid, tree);
		return tree.stream().mapToLong(CpuMeter::ticks).sum();
	}

	/**
	 * utime + stime of a process (its threads included) plus cutime + cstime (its children that ended,
	 * such as PostgreSQL backends that closed), in clock ticks; 0 when it is gone.
	 */
	private static long ticks(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// the command name may hold spaces: fields are counted after its closing parenthesis
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
					+ Long.parseLong(fields[14]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}
}
