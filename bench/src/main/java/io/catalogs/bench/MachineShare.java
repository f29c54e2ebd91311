package io.catalogs.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How busy the machine was during the run and how much of that was someone else: the CPU time of the
 * whole machine ({@code /proc/stat}) against that of the processes under test (the gateway with its
 * child processes, PostgreSQL, this JVM). A high share of other processes means noisy requests/s and
 * latencies; CPU per request stays comparable.
 */
final class MachineShare {

	private static final double TICKS_PER_SECOND = 100;

	private final long gatewayPid;

	private final long postgresPid;

	private final long[] machineStart = machineTicks();

	private final long benchStart = benchNanos();

	private final long oursStart;

	/** Start counting now, for the gateway's and PostgreSQL's processes (pids of 0 or less are left out). */
	MachineShare(long gatewayPid, long postgresPid) {
		this.gatewayPid = gatewayPid;
		this.postgresPid = postgresPid;
		this.oursStart = CpuMeter.treeTicks(gatewayPid) + CpuMeter.treeTicks(postgresPid);
	}

	/** The shares since this was created, as JSON. */
	Map<String, Object> since() {
		long[] machine = machineTicks();
		double total = machine[0] - this.machineStart[0];
		double busy = total - (machine[1] - this.machineStart[1]);
		double ours = CpuMeter.treeTicks(this.gatewayPid) + CpuMeter.treeTicks(this.postgresPid) - this.oursStart
				+ (benchNanos() - this.benchStart) / 1e9 * TICKS_PER_SECOND;
		Map<String, Object> json = new LinkedHashMap<>();
		if (total > 0) {
			json.put("machineCpuBusyPercent", LoadResult.round(100 * busy / total, 1));
			json.put("benchmarkProcessesCpuPercent", LoadResult.round(100 * Math.min(ours, busy) / total, 1));
			json.put("otherProcessesCpuPercent", LoadResult.round(100 * Math.max(0, busy - ours) / total, 1));
		}
		return json;
	}

	/** All and idle (idle + iowait) jiffies of every CPU together. */
	private static long[] machineTicks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long all = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				all += Long.parseLong(fields[i]);
			}
			return new long[] { all, Long.parseLong(fields[4]) + Long.parseLong(fields[5]) };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	private static long benchNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}
}
