package io.catalogs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's one entry point ({@code bench/run} starts it): starts the gateway (or uses the one
 * given), loads the fixed data set into every catalog, runs the scenarios one after another, and
 * prints one JSON document on standard output (logs go to standard error). See {@code bench/README.md}.
 */
public final class BenchMain {

	private static final Logger logger = LoggerFactory.getLogger(BenchMain.class);

	private static final String FIRST_QUERY = "{ customers(first: 1) { edges { node { id } } } }";

	private BenchMain() {
	}

	public static void main(String[] args) throws IOException {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage().equals("usage") ? "see bench/README.md for the options" : ex.getMessage());
			System.exit(2);
			return;
		}
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Object> result = run(options, json);
		String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(result);
		Files.createDirectories(options.outputDir());
		Path file = options.outputDir().resolve("result.json");
		Files.writeString(file, text + System.lineSeparator());
		System.out.println(text);
		logger.info("Result written to {}", file.toAbsolutePath());
		System.exit(0);
	}

	static Map<String, Object> run(BenchOptions options, JsonMapper json) throws IOException {
		long benchStart = System.nanoTime();
		Map<String, Object> end = new LinkedHashMap<>();
		Files.createDirectories(options.outputDir());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("benchmark", "catalog-gateway bench/run");
		result.put("date", Instant.now().toString());
		result.put("machine", MachineFacts.machine());
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("warmupSeconds", options.warmup().toSeconds());
		settings.put("extraJitWarmupOfFirstReadSeconds", options.jitWarmup().toSeconds());
		settings.put("durationSeconds", options.duration().toSeconds());
		settings.put("readConcurrency", options.concurrency());
		settings.put("writeRatePerSecond", options.writeRate());
		settings.put("writeMaxInFlight", options.writeMaxInFlight());
		settings.put("updateShare", options.updateShare());
		settings.put("scenarios", BenchOptions.ALL_SCENARIOS.stream().filter(options::runs).toList());
		result.put("settings", settings);
		Map<String, Object> footprint = new LinkedHashMap<>();
		Map<String, Object> scenarios = new LinkedHashMap<>();
		GatewayProcess process = options.startsGateway()
				? GatewayProcess.start(options, options.outputDir().resolve("gateway.log")) : null;
		String url = (process != null) ? process.url() : options.gatewayUrl();
		long pid = (process != null) ? process.pid() : options.gatewayPid();
		StoreEndpoints stores = null;
		MachineShare share = null;
		try (GatewayHttp control = new GatewayHttp(url, 4, json);
				GatewayHttp load = new GatewayHttp(url, Math.max(options.concurrency(), options.writeMaxInFlight()), json)) {
			double firstAnswer = waitForFirstAnswer(control, process);
			if (process != null) {
				footprint.put("startToFirstAnsweredQuerySeconds", LoadResult.round(firstAnswer, 2));
				footprint.put("firstQuery", FIRST_QUERY);
			}
			double ready = control.meter("application.ready.time", null, "VALUE");
			if (!Double.isNaN(ready)) {
				footprint.put("springApplicationReadySeconds", LoadResult.round(ready, 2));
			}
			footprint.put("rssAfterStartMb", mb(ProcessMemory.rssKb(pid)));

			stores = StoreEndpoints.resolve(options, control);
			logger.info("Stores: {}", stores);
			long postgresPid = (stores.postgresPort() > 0) ? ProcessMemory.postgresOnPort(stores.postgresPort()) : -1;
			share = new MachineShare(pid, postgresPid);
			DataSet data = DataSet.of(options.customers(), options.invoicesPerCustomer());
			try (BenchCatalogs catalogs = BenchCatalogs.open(stores)) {
				result.put("dataSet", DataLoad.load(data, catalogs.all()));

				sleep(Duration.ofSeconds(5));
				footprint.put("rssIdleMb", mb(ProcessMemory.rssKb(pid)));

				CpuMeter cpu = new CpuMeter(pid, postgresPid);
				ReadScenario reads = new ReadScenario(options, json, cpu);
				ReadScenario.Outcome primary = null;
				if (options.runs("read")) {
					RssSampler rss = new RssSampler(pid);
					JfrProfile[] profile = new JfrProfile[1];
					Path jfr = options.outputDir().resolve("read.jfr");
					ReadScenario.Hooks hooks = new ReadScenario.Hooks(() -> {
						rss.start();
						if (options.profile() && pid > 0) {
							profile[0] = JfrProfile.start(pid, jfr);
						}
					}, () -> {
						footprint.put("rssUnderReadLoad", rss.stop());
						if (profile[0] != null) {
							result.put("readProfile", profile[0].stopAndSummarize());
						}
					});
					primary = reads.graphQl("read", load, null, options.warmup().plus(options.jitWarmup()), hooks);
					scenarios.put("read", primary.json());
					if (result.get("readProfile") instanceof Map<?, ?> summary
							&& summary.get("allocatedMb") instanceof Long allocated && primary.load().ok() > 0) {
						primary.json().put("gatewayAllocatedMbPerRequest",
								LoadResult.round((double) allocated / (primary.load().ok() + primary.load().errors()), 2));
					}
				}
				if (options.runs("read-floor")) {
					ReadScenario.Outcome floor = reads.floor(stores, (primary != null) ? primary.answer() : null);
					scenarios.put("readFloor", floor.json());
					if (primary != null) {
						scenarios.put("readToFloorRatio",
								LoadResult.round(primary.load().perSecond() / floor.load().perSecond(), 3));
					}
				}
				for (String catalog : List.of("mongo", "redis")) {
					if (options.runs("read-" + catalog)) {
						ReadScenario.Outcome other = reads.graphQl("read-" + catalog, load, catalog, options.warmup(),
								ReadScenario.Hooks.none());
						if (primary != null) {
							other.json().put("sameAnswerAsPrimary", other.answer().equals(primary.answer()));
						}
						scenarios.put("read" + Character.toUpperCase(catalog.charAt(0)) + catalog.substring(1),
								other.json());
					}
				}
				if (options.runs("write-sync")) {
					scenarios.put("writeSync", new WriteSyncScenario(options, json, stores, catalogs, cpu).run(load));
				}
			}
			footprint.put("rssPeakMb", mb(ProcessMemory.peakRssKb(pid)));
			footprint.putAll(storesMemory(pid, stores));
			result.put("gatewayJvm", MachineFacts.gatewayJvm(pid,
					(process != null) ? options.gatewayJavaOptions() : List.of(), control));
			if (share != null) {
				end.putAll(share.since());
			}
		}
		finally {
			if (process != null) {
				process.close();
			}
		}
		result.put("scenarios", scenarios);
		footprint.put("note", "RSS of the gateway's JVM alone (/proc/<pid>/status VmRSS): it includes the in-process "
				+ "MongoDB wire server (with its data) and Kafka broker of the embedded default; the embedded "
				+ "PostgreSQL and Redis run in processes of their own, counted apart (PSS, as PostgreSQL's backends "
				+ "share memory)");
		result.put("footprint", footprint);
		end.put("loadAverageAtEnd", MachineFacts.loadAverage());
		end.put("totalSeconds", LoadResult.round((System.nanoTime() - benchStart) / 1e9, 1));
		result.put("run", end);
		return result;
	}

	/** Seconds from the gateway's start (or from now, for a running one) to its first answered query. */
	private static double waitForFirstAnswer(GatewayHttp http, GatewayProcess process) {
		long from = (process != null) ? process.startedNanos() : System.nanoTime();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		byte[] body = http.requestBody(FIRST_QUERY, null);
		while (System.nanoTime() < deadline) {
			if (process != null && !process.alive()) {
				throw new IllegalStateException("the gateway exited during startup; see its log");
			}
			try {
				GatewayHttp.Reply reply = http.post(body).block(Duration.ofSeconds(5));
				if (reply != null && reply.ok()) {
					double seconds = (System.nanoTime() - from) / 1e9;
					logger.info("First answered query {} s after the gateway's start", LoadResult.round(seconds, 2));
					return seconds;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			sleep(Duration.ofMillis(50));
		}
		throw new IllegalStateException("the gateway did not answer a query within 3 minutes");
	}

	/** The memory of the embedded stores' own processes: Redis (a child of the gateway) and PostgreSQL (detached). */
	private static Map<String, Object> storesMemory(long gatewayPid, StoreEndpoints stores) {
		Map<String, Object> json = new LinkedHashMap<>();
		long[] children = ProcessMemory.descendantsPssKb(gatewayPid);
		if (children[1] > 0) {
			json.put("gatewayChildProcessesPssMb", mb(children[0]));
		}
		long postgres = (stores != null && stores.postgresPort() > 0) ? ProcessMemory.postgresOnPort(stores.postgresPort())
				: -1;
		if (postgres > 0) {
			long[] tree = ProcessMemory.treePssKb(postgres);
			json.put("postgresProcesses", tree[1]);
			json.put("postgresPssMb", mb(tree[0]));
		}
		return json;
	}

	private static double mb(long kb) {
		return (kb < 0) ? -1 : LoadResult.round(kb / 1024.0, 1);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
