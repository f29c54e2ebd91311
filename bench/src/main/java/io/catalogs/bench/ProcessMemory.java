package io.catalogs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory of a process as Linux reports it in {@code /proc}: its resident set ({@code VmRSS}), its
 * peak ({@code VmHWM}), and the proportional set size of its descendants (the embedded PostgreSQL
 * and Redis server processes the gateway started; PSS rather than RSS because PostgreSQL's backends
 * share memory).
 */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/** {@code VmRSS} in kB, or -1 when the process is gone or /proc is not there. */
	static long rssKb(long pid) {
		return statusField(pid, "VmRSS:");
	}

	/** {@code VmHWM} (peak RSS) in kB, or -1. */
	static long peakRssKb(long pid) {
		return statusField(pid, "VmHWM:");
	}

	/** The summed PSS in kB of a process and its descendants, and how many processes that is. */
	static long[] treePssKb(long pid) {
		List<Long> tree = new ArrayList<>();
		tree.add(pid);
		collectChildren(pid, tree);
		long total = 0;
		for (long process : tree) {
			total += Math.max(0, field(Path.of("/proc", Long.toString(process), "smaps_rollup"), "Pss:"));
		}
		return new long[] { total, tree.size() };
	}

	/** The summed PSS in kB of the descendants of {@code pid} (the embedded Redis server), and how many. */
	static long[] descendantsPssKb(long pid) {
		long[] tree = treePssKb(pid);
		long own = Math.max(0, field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:"));
		return new long[] { tree[0] - own, tree[1] - 1 };
	}

	/**
	 * The PostgreSQL server listening on {@code port} of this machine ({@code postgres ... -p <port>}):
	 * the embedded one runs detached from the gateway (started through pg_ctl), so it is found by its
	 * command line. Returns its pid, or -1.
	 */
	static long postgresOnPort(int port) {
		try (var stream = Files.list(Path.of("/proc"))) {
			for (Path process : stream.toList()) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					List<String> args = List.of(Files.readString(process.resolve("cmdline")).split("\u0000"));
					int flag = args.indexOf("-p");
					if (!args.isEmpty() && args.get(0).endsWith("/postgres") && flag >= 0 && flag + 1 < args.size()
							&& args.get(flag + 1).equals(Integer.toString(port))) {
						return Long.parseLong(name);
					}
				}
				catch (IOException | RuntimeException ex) {
					// ended while we looked
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return -1;
	}

	static void collectChildren(long pid, List<Long> into) {
		Path tasks = Path.of("/proc", Long.toString(pid), "task");
		try (var stream = Files.list(tasks)) {
			for (Path task : stream.toList()) {
				String children = Files.readString(task.resolve("children")).trim();
				if (children.isEmpty()) {
					continue;
				}
				for (String child : children.split("\\s+")) {
					long childPid = Long.parseLong(child);
					into.add(childPid);
					collectChildren(childPid, into);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// a process that ended while we looked
		}
	}

	private static long statusField(long pid, String name) {
		return field(Path.of("/proc", Long.toString(pid), "status"), name);
	}

	private static long field(Path file, String name) {
		try {
			for (String line : Files.readAllLines(file)) {
				if (line.startsWith(name)) {
					return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone or not Linux
		}
		return -1;
	}
}
