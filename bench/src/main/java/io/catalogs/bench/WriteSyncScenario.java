package io.catalogs.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write+sync scenario: createCustomer and updateCustomer mutations at a target rate (open
 * loop) through the gateway, which fans every change out to the secondaries; then, once the control
 * store shows nothing pending, the propagation lag of every applied event and a comparison of every
 * id and version of each secondary with the primary. Reports {@code unavailable} with the reason when
 * the gateway has no sync pipeline.
 */
final class WriteSyncScenario {

	private static final Logger logger = LoggerFactory.getLogger(WriteSyncScenario.class);

	private static final String CREATE = "mutation($input: CustomerInput!) { createCustomer(input: $input) { id version } }";

	private static final String UPDATE = "mutation($id: ID!, $input: CustomerPatch!) "
			+ "{ updateCustomer(id: $id, input: $input) { id version } }";

	private final BenchOptions options;

	private final JsonMapper json;

	private final StoreEndpoints stores;

	private final BenchCatalogs catalogs;

	private final CpuMeter cpu;

	WriteSyncScenario(BenchOptions options, JsonMapper json, StoreEndpoints stores, BenchCatalogs catalogs,
			CpuMeter cpu) {
		this.options = options;
		this.json = json;
		this.stores = stores;
		this.catalogs = catalogs;
		this.cpu = cpu;
	}

	Map<String, Object> run(GatewayHttp http) {
		Map<String, Object> result = new LinkedHashMap<>();
		try (ControlStoreReader control = ControlStoreReader.open(this.stores, this.options.controlSchema())) {
			String unavailable = probe(http, control);
			if (unavailable != null) {
				logger.warn("write-sync: unavailable: {}", unavailable);
				result.put("status", "unavailable");
				result.put("reason", unavailable);
				return result;
			}
			result.put("status", "measured");
			result.put("targetRatePerSecond", this.options.writeRate());
			result.put("maxInFlight", this.options.writeMaxInFlight());
			result.put("mix", Map.of("updateCustomer", this.options.updateShare(), "createCustomer",
					LoadResult.round(1 - this.options.updateShare(), 3)));
			result.put("warmupSeconds", this.options.warmup().toSeconds());
			Instant measureStart = Instant.now().plus(this.options.warmup());
			LoadResult load = OpenLoopLoad.run("write-sync", (i) -> mutation(http, i), this.options.writeRate(),
					this.options.writeMaxInFlight(), this.options.warmup(), this.options.duration(), Duration.ofMinutes(1),
					this.cpu::start);
			result.putAll(load.toJson("mutationsPerSecond"));
			long drainStart = System.nanoTime();
			boolean drained = drain(control);
			result.put("cpuMsPerMutationWithFanOut", this.cpu.perRequest(load.ok()));
			result.put("drained", drained);
			result.put("drainSeconds", LoadResult.round((System.nanoTime() - drainStart) / 1e9, 1));
			Map<String, Histogram> lag = control.lagSince(measureStart);
			Map<String, Map<String, Long>> states = control.statesSince(measureStart);
			long convergenceStart = System.nanoTime();
			Map<String, Object> convergence = ConvergenceCheck.compare(this.catalogs.primary(),
					this.catalogs.secondaries());
			Map<String, Object> secondaries = new LinkedHashMap<>();
			for (String name : this.catalogs.secondaries().keySet()) {
				Map<String, Object> secondary = new LinkedHashMap<>();
				secondary.put("propagationLagMs", LoadResult.latency(lag.getOrDefault(name, new Histogram(3))));
				secondary.put("eventStates", states.getOrDefault(name, Map.of()));
				secondary.put("convergence", convergence.get(name));
				secondaries.put(name, secondary);
			}
			result.put("secondaries", secondaries);
			result.put("convergenceChecked", Map.of("primaryEntities", convergence.get("primaryEntities"), "seconds",
					LoadResult.round((System.nanoTime() - convergenceStart) / 1e9, 1), "how",
					"every customer and invoice id+version read page by page from each catalog"));
			result.put("lagNote", "propagation lag = sync_events.updated_at of the APPLIED row minus committed_at, "
					+ "for the events committed from the start of the measured window on");
			return result;
		}
		catch (RuntimeException ex) {
			logger.error("write-sync failed", ex);
			result.put("status", "failed");
			result.put("reason", ex.toString());
			return result;
		}
	}

	/** Why the scenario cannot run, or {@code null}: the sync_events table must exist and a mutation must reach every secondary. */
	private String probe(GatewayHttp http, ControlStoreReader control) {
		if (!control.hasSyncEvents()) {
			return "the gateway's control store has no " + this.options.controlSchema()
					+ ".sync_events table: this gateway build has no sync pipeline";
		}
		GatewayHttp.Reply reply = http.post(http.requestBody(CREATE, Map.of("input",
				Map.of("name", "Bench Probe", "email", "probe@bench.example")))).block(Duration.ofSeconds(30));
		if (reply == null || !reply.ok()) {
			return "createCustomer failed: " + ((reply != null) ? reply.text() : "no answer");
		}
		JsonNode created = this.json.readTree(reply.body()).path("data").path("createCustomer");
		UUID id = UUID.fromString(created.path("id").asString());
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Map<String, String> states = Map.of();
		while (System.nanoTime() < deadline) {
			states = control.statesOf(id);
			if (states.keySet().containsAll(this.catalogs.secondaries().keySet())
					&& states.values().stream().allMatch("APPLIED"::equals)) {
				return null;
			}
			sleep(200);
		}
		return "a createCustomer did not reach every secondary within 60 s; its sync events: " + states;
	}

	/** Mutation {@code i}: an update of a customer of the data set, or a new customer (deterministic mix). */
	private Mono<Boolean> mutation(GatewayHttp http, long i) {
		long hash = mix(i);
		boolean update = (hash & 0xffff) < this.options.updateShare() * 0x10000;
		byte[] body;
		if (update) {
			int customer = (int) ((hash >>> 16) % this.options.customers());
			body = http.requestBody(UPDATE, Map.of("id", DataSet.customerId(customer).toString(), "input",
					Map.of("name", "Renamed " + i)));
		}
		else {
			body = http.requestBody(CREATE, Map.of("input",
					Map.of("name", "Writer " + i, "email", "writer" + i + "@bench.example")));
		}
		return http.post(body).map((reply) -> {
			if (!reply.ok()) {
				String text = reply.text();
				throw new IllegalStateException("HTTP " + reply.status() + ": "
						+ text.substring(0, Math.min(300, text.length())));
			}
			return true;
		});
	}

	/** Wait until no sync event is PENDING or RETRYING and no outbox row is unpublished. */
	private boolean drain(ControlStoreReader control) {
		long deadline = System.nanoTime() + this.options.drainTimeout().toNanos();
		long unsettled = -1;
		while (System.nanoTime() < deadline) {
			unsettled = control.unsettled();
			if (unsettled == 0) {
				return true;
			}
			sleep(500);
		}
		logger.warn("write-sync: {} events still unsettled after {}", unsettled, this.options.drainTimeout());
		return false;
	}

	/** SplitMix64: a well-spread deterministic hash of the mutation number. */
	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return (z ^ (z >>> 31)) & Long.MAX_VALUE;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
