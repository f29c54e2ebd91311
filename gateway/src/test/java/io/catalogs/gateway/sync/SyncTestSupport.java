package io.catalogs.gateway.sync;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one configuration every sync {@code *IT} shares: the embedded stack plus a {@code flaky}
 * catalog whose applies can be made to fail, fast retries, and a control-store schema, topics and
 * consumer groups of its own (so the relays and consumers of other test contexts in the same JVM
 * do not take its work). Helpers read catalogs, sync events and topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "catalogs.embedded.enabled=true", "catalogs.embedded.seed=false",
				"catalogs.instances.flaky.kind=flaky", "catalogs.instances.flaky.entity-types=customer",
				"catalogs.control-store.schema=sync_it", "catalogs.sync.topics.changes=it-catalog-changes",
				"catalogs.sync.topics.status=it-catalog-sync-status",
				"catalogs.sync.topics.dead-letters=it-catalog-changes-dlt", "catalogs.sync.topics.partitions=3",
				"catalogs.sync.consumer.group-prefix=it-catalog-sync-", "catalogs.sync.intent-timeout=2s",
				"catalogs.sync.retry.max-attempts=8", "catalogs.sync.retry.initial-interval=200ms",
				"catalogs.sync.retry.max-interval=1s", "catalogs.sync.retry.jitter=0.1",
				"catalogs.sync.retry.poll-interval=100ms" })
@AutoConfigureHttpGraphQlTester
@Import(FlakyCatalog.Configuration.class)
abstract class SyncTestSupport {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final Duration CONVERGENCE = Duration.ofSeconds(20);

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	CatalogRegistry registry;

	@Autowired
	ControlStore store;

	@Autowired
	SyncProperties properties;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@AfterEach
	void flakyWorksAgain() {
		flaky().mode(FlakyCatalog.Mode.WORKING);
	}

	FlakyCatalog flaky() {
		return (FlakyCatalog) catalog("flaky");
	}

	Catalog catalog(String name) {
		return this.registry.find(name).orElseThrow();
	}

	/** A random lower-case token that makes names and emails of one test unique. */
	static String token() {
		return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** Create a customer through GraphQL in {@code catalog} ({@code null}: the primary); emits its fields. */
	Map<String, Object> createCustomer(String catalog, String name) {
		String token = token();
		return this.graphQl
			.document("mutation($input: CustomerInput!, $catalog: String) { createCustomer(input: $input, "
					+ "catalog: $catalog) { id name email version catalog } }")
			.variable("input", Map.of("name", name + " " + token, "email", token + "@example.com"))
			.variable("catalog", catalog)
			.execute()
			.path("createCustomer")
			.entity(MAP)
			.get();
	}

	/** The entity as {@code catalog} holds it, {@code null} if it holds no live one. */
	Entity read(String catalog, EntityType type, UUID id) {
		return catalog(catalog).get(type, id).block(Duration.ofSeconds(10));
	}

	/** Waits until every catalog holding {@code type} holds version {@code version} of the entity (or none, when {@code null}). */
	void awaitEverywhere(EntityType type, UUID id, Long version) {
		for (Catalog catalog : this.registry.all()) {
			if (catalog.definition().holds(type)) {
				await().atMost(CONVERGENCE).untilAsserted(() -> {
					Entity entity = read(catalog.definition().name(), type, id);
					if (version == null) {
						assertThat(entity).as(catalog.definition().name()).isNull();
					}
					else {
						assertThat(entity).as(catalog.definition().name()).isNotNull();
						assertThat(entity.version()).as(catalog.definition().name()).isEqualTo(version);
					}
				});
			}
		}
	}

	/** The sync events of an entity, read from the control store. */
	List<SyncEventRecord> syncEvents(UUID entityId) {
		return this.store.client()
			.sql("SELECT " + SyncEventStore.COLUMNS + " FROM " + this.store.table("sync_events")
					+ " WHERE entity_id = :id ORDER BY created_at")
			.bind("id", entityId)
			.map(SyncEventRecord::of)
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	/** Reads {@code topic} from its beginning until a record matches or the timeout passes; emits every record read. */
	List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
			Duration timeout) {
		Map<String, Object> config = new HashMap<>(this.kafkaAdmin.getConfigurationProperties());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					records.add(record);
				}
				if (records.stream().anyMatch(match)) {
					break;
				}
			}
		}
		return records;
	}
}
