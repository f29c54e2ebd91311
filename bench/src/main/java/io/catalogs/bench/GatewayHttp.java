package io.catalogs.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load driver's HTTP side: GraphQL requests and Actuator reads against one gateway, on
 * reactor-netty's client with a connection pool as large as the concurrency it is used with.
 */
final class GatewayHttp implements AutoCloseable {

	private static final byte[] ERRORS = "\"errors\"".getBytes(StandardCharsets.US_ASCII);

	private final String baseUrl;

	private final ConnectionProvider connections;

	private final HttpClient client;

	private final JsonMapper json;

	GatewayHttp(String baseUrl, int maxConnections, JsonMapper json) {
		this.baseUrl = baseUrl;
		this.json = json;
		this.connections = ConnectionProvider.builder("bench")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
		this.client = HttpClient.create(this.connections)
			.baseUrl(baseUrl)
			.responseTimeout(Duration.ofSeconds(30))
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
				.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON));
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/** The JSON body of a GraphQL request. */
	byte[] requestBody(String query, Map<String, Object> variables) {
		Map<String, Object> body = (variables == null || variables.isEmpty()) ? Map.of("query", query)
				: Map.of("query", query, "variables", variables);
		return this.json.writeValueAsBytes(body);
	}

	/** POST a prepared GraphQL body; emits the status and the raw response body. */
	Mono<Reply> post(byte[] body) {
		return this.client.post()
			.uri("/graphql")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
			.responseSingle((response, content) -> content.asByteArray()
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new Reply(response.status().code(), bytes)));
	}

	/** The JSON of an Actuator path such as {@code /actuator/info}, or an error when it does not answer 200. */
	Mono<JsonNode> actuator(String path) {
		return this.client.get()
			.uri(path)
			.responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0]).map((bytes) -> {
				if (response.status().code() != 200) {
					throw new IllegalStateException(path + " answered " + response.status());
				}
				return this.json.readTree(bytes);
			}));
	}

	/** The value of a Micrometer meter's statistic (COUNT, TOTAL_TIME, MAX, VALUE), or NaN when it does not exist. */
	double meter(String name, String tag, String statistic) {
		String path = "/actuator/metrics/" + name + ((tag != null) ? "?tag=" + tag : "");
		try {
			JsonNode meter = actuator(path).block(Duration.ofSeconds(10));
			for (JsonNode measurement : meter.path("measurements")) {
				if (statistic.equals(measurement.path("statistic").asString())) {
					return measurement.path("value").asDouble();
				}
			}
		}
		catch (RuntimeException ex) {
			// an absent meter answers 404
		}
		return Double.NaN;
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(10));
	}

	/** A response: its HTTP status and body. */
	record Reply(int status, byte[] body) {

		/** A 200 whose body carries no GraphQL {@code errors}. */
		boolean ok() {
			return this.status == 200 && indexOf(this.body, ERRORS) < 0;
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		private static int indexOf(byte[] haystack, byte[] needle) {
			outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
				for (int j = 0; j < needle.length; j++) {
					if (haystack[i + j] != needle[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}
	}
}
