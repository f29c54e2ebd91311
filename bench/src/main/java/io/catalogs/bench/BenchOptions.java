package io.catalogs.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one benchmark run does, from {@code --key=value} flags, else environment variables
 * ({@code BENCH_KEY}, upper snake case of the key), else the defaults below, chosen so that a whole
 * run takes under ten minutes on two cores.
 *
 * @param gatewayUrl an already running gateway to measure; {@code null} starts {@link #gatewayJar}
 * @param gatewayPid the process id of that running gateway (for its RSS and profile), or 0
 * @param gatewayJar the gateway's executable jar, started as its own JVM process
 * @param gatewayJavaOpts JVM options of the started gateway
 * @param gatewayArgs extra application arguments of the started gateway
 * @param postgresUrl R2DBC URL of the primary; {@code null} reads the embedded one from {@code /actuator/info}
 * @param postgresUsername user of the primary
 * @param postgresPassword password of the primary
 * @param mongoUri URI of the {@code mongo} catalog, {@code null} for the embedded one
 * @param redisUri URI of the {@code redis} catalog, {@code null} for the embedded one
 * @param controlSchema the schema of the gateway's control store (sync_events, outbox) in the primary's database
 * @param jitWarmup how much longer the first read scenario warms up (the gateway's JIT compiles
 * graphql-java's and the catalogs' paths for tens of seconds on two cores)
 * @param warmup how long each scenario runs before it is measured
 * @param duration how long each scenario is measured
 * @param concurrency requests in flight in the read scenarios (closed loop)
 * @param writeRate mutations started per second in the write+sync scenario (open loop)
 * @param writeMaxInFlight the most mutations in flight at once
 * @param updateShare the share of updateCustomer among the mutations (the rest are createCustomer)
 * @param drainTimeout how long to wait for the secondaries to catch up after the writes
 * @param customers customers in the data set
 * @param invoicesPerCustomer invoices per customer in the data set
 * @param scenarios which scenarios run (the footprint is always measured)
 * @param profile whether the read scenario is recorded with JFR
 * @param outputDir where the result, the gateway log and the profile are written
 */
public record BenchOptions(String gatewayUrl, long gatewayPid, Path gatewayJar, String gatewayJavaOpts,
		String gatewayArgs, String postgresUrl, String postgresUsername, String postgresPassword, String mongoUri,
		String redisUri, String controlSchema, Duration jitWarmup, Duration warmup, Duration duration, int concurrency, int writeRate,
		int writeMaxInFlight, double updateShare, Duration drainTimeout, int customers, int invoicesPerCustomer,
		Set<String> scenarios, boolean profile, Path outputDir) {

	/** Every scenario, in the order they run. */
	public static final List<String> ALL_SCENARIOS = List.of("read", "read-floor", "read-mongo", "read-redis",
			"write-sync");

	/** The options of {@code args}, falling back to the environment and the defaults. */
	public static BenchOptions parse(String[] args, Map<String, String> env) {
		Map<String, String> flags = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				throw new IllegalArgumentException("usage");
			}
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("expected --key=value, not " + arg);
			}
			int eq = arg.indexOf('=');
			flags.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		Values values = new Values(flags, env);
		Set<String> scenarios = new LinkedHashSet<>();
		for (String name : values.text("scenarios", String.join(",", ALL_SCENARIOS)).split(",")) {
			String scenario = name.trim().toLowerCase(Locale.ROOT);
			if (!ALL_SCENARIOS.contains(scenario)) {
				throw new IllegalArgumentException("unknown scenario '" + scenario + "'; known: " + ALL_SCENARIOS);
			}
			scenarios.add(scenario);
		}
		BenchOptions options = new BenchOptions(values.text("gateway-url", null),
				Long.parseLong(values.text("gateway-pid", "0")),
				Path.of(values.text("gateway-jar", "../gateway/target/catalog-gateway-0.1.0-SNAPSHOT.jar")),
				values.text("gateway-java-opts", "-Xmx512m"), values.text("gateway-args", ""),
				values.text("postgres-url", null), values.text("postgres-username", "postgres"),
				values.text("postgres-password", ""), values.text("mongo-uri", null), values.text("redis-uri", null),
				values.text("control-schema", "gateway"), values.duration("jit-warmup", "20s"),
				values.duration("warmup", "10s"),
				values.duration("duration", "30s"), values.integer("concurrency", 16),
				values.integer("write-rate", 1000), values.integer("write-max-in-flight", 256),
				Double.parseDouble(values.text("update-share", "0.5")), values.duration("drain-timeout", "120s"),
				values.integer("customers", 10_000), values.integer("invoices-per-customer", 5),
				Set.copyOf(scenarios), Boolean.parseBoolean(values.text("profile", "true")),
				Path.of(values.text("output-dir", "target/bench")));
		Set<String> unknown = new LinkedHashSet<>(flags.keySet());
		unknown.removeAll(values.read);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown option(s) " + unknown);
		}
		return options;
	}

	/** Whether {@code scenario} runs. */
	public boolean runs(String scenario) {
		return this.scenarios.contains(scenario);
	}

	/** Whether this run starts the gateway itself (rather than measuring one given by URL). */
	public boolean startsGateway() {
		return this.gatewayUrl == null;
	}

	/** The gateway's JVM options as separate arguments. */
	public List<String> gatewayJavaOptions() {
		return split(this.gatewayJavaOpts);
	}

	/** The gateway's extra application arguments as separate arguments. */
	public List<String> gatewayArguments() {
		return split(this.gatewayArgs);
	}

	private static List<String> split(String text) {
		return Arrays.stream(text.trim().split("\\s+")).filter((part) -> !part.isEmpty()).toList();
	}

	/** Parses {@code 10s}, {@code 500ms}, {@code 2m} or an ISO-8601 duration. */
	static Duration parseDuration(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("p")) {
			return Duration.parse(value.toUpperCase(Locale.ROOT));
		}
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		if (value.endsWith("s")) {
			return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
		}
		if (value.endsWith("m")) {
			return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
		}
		return Duration.ofSeconds(Long.parseLong(value));
	}

	/** Looks a key up in the flags, then the environment; remembers which flags were read. */
	private static final class Values {

		private final Map<String, String> flags;

		private final Map<String, String> env;

		private final Set<String> read = new LinkedHashSet<>();

		Values(Map<String, String> flags, Map<String, String> env) {
			this.flags = flags;
			this.env = env;
		}

		String text(String key, String fallback) {
			this.read.add(key);
			String value = this.flags.get(key);
			if (value == null) {
				value = this.env.get("BENCH_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			return (value == null || value.isBlank()) ? fallback : value;
		}

		int integer(String key, int fallback) {
			return Integer.parseInt(text(key, Integer.toString(fallback)));
		}

		Duration duration(String key, String fallback) {
			return parseDuration(text(key, fallback));
		}
	}
}
