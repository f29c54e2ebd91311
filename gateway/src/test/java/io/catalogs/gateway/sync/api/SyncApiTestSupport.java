package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.gateway.sync.SyncEventRecordCodec;
import io.catalogs.gateway.sync.SyncProperties;
import io.catalogs.schema.SyncState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * What the sync API {@code *IT}s share: the same Spring context configuration as the GraphQL ITs
 * (so the embedded stack and the context start once per test JVM), clients for both subscription
 * transports, and a way to publish records on the sync topics as the pipeline would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
abstract class SyncApiTestSupport {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final String SYNC_EVENT_FIELDS = "id entityType entityId operation version source target state attempts "
			+ "error createdAt updatedAt";

	static final String SYNC_STATUS = "subscription($entityId: ID, $catalog: String) { "
			+ "syncStatus(entityId: $entityId, catalog: $catalog) { " + SYNC_EVENT_FIELDS + " } }";

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	SyncStatusFeed feed;

	@Autowired
	SyncProperties sync;

	@Autowired
	KafkaConnectionDetails kafka;

	@BeforeEach
	void awaitFeed() {
		this.feed.ready().block(Duration.ofSeconds(60));
	}

	/** A graphql-transport-ws client of the gateway at {@code port}. */
	static WebSocketGraphQlClient webSocketClient(int port) {
		return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
			.build();
	}

	/** A GraphQL over HTTP client of the gateway at {@code port}; its subscriptions use Server-Sent Events. */
	static HttpGraphQlClient httpClient(int port) {
		return HttpGraphQlClient.builder(WebClient.create("http://localhost:" + port + "/graphql")).build();
	}

	/** Publish {@code records} on the sync-status topic, keyed by entity id, as the pipeline does. */
	void publishStatus(List<SyncEventRecord> records) {
		SyncEventRecordCodec codec = SyncEventRecordCodec.create();
		try (KafkaProducer<String, byte[]> producer = producer()) {
			for (SyncEventRecord record : records) {
				producer.send(new ProducerRecord<>(this.sync.topics().status(), record.entityId().toString(),
						codec.write(record)));
			}
			producer.flush();
		}
	}

	/** Publish raw values on a topic. */
	void publish(String topic, String key, byte[] value) {
		try (KafkaProducer<String, byte[]> producer = producer()) {
			producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.getProducer().getBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** A sync event of {@code entityId} for {@code target} in {@code state}, as the pipeline publishes one. */
	static SyncEventRecord record(UUID entityId, String target, SyncState state) {
		Instant now = Instant.now();
		return new SyncEventRecord(UUID.randomUUID(), UUID.randomUUID(), "customer", entityId, "CREATE", 1, "postgres",
				target, null, state, (state == SyncState.PENDING) ? 0 : 1, null, now, now, now);
	}

	/** The errors a subscription that is refused when it starts ends with. */
	static List<ResponseError> refusal(GraphQlClient client, String document, Map<String, Object> variables) {
		return client.document(document)
			.variables(variables)
			.executeSubscription()
			.map(ClientGraphQlResponse::getErrors)
			.onErrorResume(SubscriptionErrorException.class, (ex) -> Flux.just(ex.getErrors()))
			.blockFirst(TIMEOUT);
	}

	static String token() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** Create a customer through the API (so the sync pipeline sees it); returns it. */
	Map<String, Object> createCustomer(HttpGraphQlTester tester, String token) {
		return tester.document("mutation($input: CustomerInput!) { createCustomer(input: $input) { id name email version } }")
			.variable("input", Map.of("name", "Sync " + token, "email", token + "@example.com"))
			.execute()
			.path("createCustomer")
			.entity(MAP)
			.get();
	}
}
