package io.catalogs.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read scenarios: the issue's {@code customers(first: 100) { ... invoices(first: 5) ... }} query
 * over HTTP on one catalog, and the same document from the plain-R2DBC {@link ReadFloor}, each as a
 * closed loop of a fixed concurrency after a warm-up. Before loading, one answer is checked for
 * completeness and kept, so answers of other catalogs and of the floor can be compared with it.
 */
final class ReadScenario {

	private static final Logger logger = LoggerFactory.getLogger(ReadScenario.class);

	private static final int STATEMENT_PROBES = 10;

	private final BenchOptions options;

	private final JsonMapper json;

	private final CpuMeter cpu;

	ReadScenario(BenchOptions options, JsonMapper json, CpuMeter cpu) {
		this.options = options;
		this.json = json;
		this.cpu = cpu;
	}

	/** What one read scenario measured, and the answer it checked. */
	record Outcome(Map<String, Object> json, LoadResult load, JsonNode answer) {
	}

	/**
	 * The read on {@code catalog} ({@code null}: the primary, with SQL statements counted).
	 * @param hooks what to start when the measured window opens, and to stop when it closes
	 */
	Outcome graphQl(String label, GatewayHttp http, String catalog, Duration warmup, Hooks hooks) {
		String query = ReadQueries.on(catalog);
		byte[] body = http.requestBody(query, null);
		GatewayHttp.Reply first = http.post(body).block(Duration.ofSeconds(30));
		JsonNode answer = this.json.readTree(first.body());
		String problem = ReadQueries.problem(answer, this.options.invoicesPerCustomer());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("catalog", (catalog != null) ? catalog : "postgres (primary, no catalog argument)");
		json.put("query", query);
		json.put("concurrency", this.options.concurrency());
		json.put("warmupSeconds", warmup.toSeconds());
		json.put("responseBytes", first.body().length);
		if (problem != null) {
			logger.error("{}: the answer is wrong: {}", label, problem);
			json.put("answerProblem", problem);
		}
		boolean countStatements = (catalog == null);
		double probe = Double.NaN;
		if (countStatements) {
			double before = statements(http);
			for (int i = 0; i < STATEMENT_PROBES; i++) {
				http.post(body).block(Duration.ofSeconds(30));
			}
			probe = (statements(http) - before) / STATEMENT_PROBES;
		}
		AtomicReference<Double> statementsAtStart = new AtomicReference<>(Double.NaN);
		Supplier<Mono<Boolean>> call = () -> http.post(body).map((reply) -> {
			if (!reply.ok()) {
				String text = reply.text();
				throw new IllegalStateException("HTTP " + reply.status() + ": "
						+ text.substring(0, Math.min(300, text.length())));
			}
			return true;
		});
		LoadResult load = ClosedLoopLoad.run(label, call, this.options.concurrency(), warmup,
				this.options.duration(), () -> {
					if (countStatements) {
						statementsAtStart.set(statements(http));
					}
					this.cpu.start();
					hooks.onStart().run();
				});
		Map<String, Object> cpuPerRequest = this.cpu.perRequest(load.ok() + load.errors());
		double statementsAtEnd = countStatements ? statements(http) : Double.NaN;
		hooks.onEnd().run();
		json.putAll(load.toJson("requestsPerSecond"));
		json.put("cpuMsPerRequest", cpuPerRequest);
		if (countStatements) {
			json.put("sqlStatementsPerRequest", LoadResult.round(probe, 2));
			json.put("sqlStatementsPerRequestUnderLoad",
					LoadResult.round((statementsAtEnd - statementsAtStart.get()) / Math.max(1, load.ok() + load.errors()), 2));
		}
		return new Outcome(json, load, answer);
	}

	/** The floor: the same document from plain R2DBC in this process, at the same concurrency. */
	Outcome floor(StoreEndpoints stores, JsonNode gatewayAnswer) {
		try (ReadFloor floor = ReadFloor.open(stores, 10, this.json)) {
			byte[] first = floor.read().block(Duration.ofSeconds(30));
			JsonNode answer = this.json.readTree(first);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("how", "plain R2DBC in the benchmark's JVM: 2 statements on one pooled connection (pool of 10, "
					+ "as the catalog's), Jackson streaming into the same JSON; no GraphQL, no HTTP");
			json.put("concurrency", this.options.concurrency());
			json.put("warmupSeconds", this.options.warmup().toSeconds());
			json.put("responseBytes", first.length);
			if (gatewayAnswer != null) {
				json.put("sameJsonAsGateway", answer.equals(gatewayAnswer));
			}
			LoadResult load = ClosedLoopLoad.run("read-floor", () -> floor.read().map((bytes) -> true),
					this.options.concurrency(), this.options.warmup(), this.options.duration(), this.cpu::start);
			Map<String, Object> cpuPerRequest = this.cpu.perRequest(load.ok() + load.errors());
			json.putAll(load.toJson("requestsPerSecond"));
			json.put("cpuMsPerRequest", cpuPerRequest);
			json.put("sqlStatementsPerRequest", 2);
			return new Outcome(json, load, answer);
		}
	}

	private static double statements(GatewayHttp http) {
		return http.meter("catalog.statements", "catalog:postgres", "COUNT");
	}

	/** What runs when the measured window of a scenario opens and closes (profiling, RSS sampling). */
	record Hooks(Runnable onStart, Runnable onEnd) {

		static Hooks none() {
			return new Hooks(() -> {
			}, () -> {
			});
		}
	}
}
