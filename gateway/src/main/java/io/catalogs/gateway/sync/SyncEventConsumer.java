package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Applies the changes topic to the catalogs: one listener container per catalog (the primary
 * included, since a write to a secondary fans out to it), in consumer group
 * {@code <group-prefix><catalog>}, created from the {@link CatalogRegistry}. Each polled batch is
 * applied entity by entity: the changes of one entity in order, different entities in parallel
 * (up to {@code catalogs.sync.consumer.parallelism}). The consumer thread waits for the batch, and
 * offsets are committed only after every outcome is stored in the control store.
 *
 * <p>A change the catalog refuses is an outcome ({@link SyncApplier}), so other entities keep
 * flowing. A failure outside the catalog (the control store is down) fails the batch: the
 * container's error handler applies it again with backoff, without limit, so no record is ever
 * skipped. A record that is not a change event goes to the dead-letter topic.
 */
public class SyncEventConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SyncEventConsumer.class);

	private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

	private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

	private final SyncApplier applier;

	private final SyncPublisher publisher;

	private final ChangeEventCodec codec;

	private final int parallelism;

	SyncEventConsumer(CatalogRegistry registry, Map<String, Object> kafkaConsumerConfig, SyncProperties properties,
			SyncApplier applier, SyncPublisher publisher, ChangeEventCodec codec) {
		this.applier = applier;
		this.publisher = publisher;
		this.codec = codec;
		this.parallelism = properties.consumer().parallelism();
		Map<String, Object> config = new HashMap<>(kafkaConsumerConfig);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
				new StringDeserializer(), new ByteArrayDeserializer());
		for (Catalog catalog : registry.all()) {
			this.containers.add(container(consumers, catalog, properties));
		}
	}

	private ConcurrentMessageListenerContainer<String, byte[]> container(
			DefaultKafkaConsumerFactory<String, byte[]> consumers, Catalog catalog, SyncProperties properties) {
		String group = properties.consumer().groupPrefix() + catalog.definition().name();
		ContainerProperties containerProperties = new ContainerProperties(properties.topics().changes());
		containerProperties.setGroupId(group);
		containerProperties.setClientId(group);
		containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
		containerProperties.setShutdownTimeout(Duration.ofSeconds(10).toMillis());
		containerProperties.setMessageListener(
				(BatchMessageListener<String, byte[]>) (records) -> onBatch(catalog, records));
		ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
				consumers, containerProperties);
		container.setConcurrency(properties.consumer().concurrency());
		container.setBeanName(group);
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
		// unlimited attempts: a batch that cannot be recorded is never skipped
		backOff.setMaxAttempts(Long.MAX_VALUE);
		container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		return container;
	}

	private void onBatch(Catalog catalog, List<ConsumerRecord<String, byte[]>> records) {
		Map<String, List<ConsumerRecord<String, byte[]>>> byEntity = new LinkedHashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			byEntity.computeIfAbsent(String.valueOf(record.key()), (key) -> new ArrayList<>()).add(record);
		}
		Flux.fromIterable(byEntity.values())
			.flatMap((entityRecords) -> Flux.fromIterable(entityRecords).concatMap((record) -> handle(catalog, record)),
					this.parallelism)
			.then()
			.block(BATCH_TIMEOUT);
	}

	private Mono<Void> handle(Catalog catalog, ConsumerRecord<String, byte[]> record) {
		String name = catalog.definition().name();
		ChangeEvent event;
		try {
			event = this.codec.read(record.value());
		}
		catch (RuntimeException ex) {
			logger.warn("Record {}-{}@{} is not a change event; sent to the dead-letter topic: {}", record.topic(),
					record.partition(), record.offset(), ex.getMessage());
			return this.publisher.publishDeadLetter(record.key(), record.value(), name,
					"not a change event: " + ex.getMessage());
		}
		if (!event.isFor(name) || !catalog.definition().holds(event.entity().type())) {
			return Mono.empty();
		}
		return this.applier.apply(event, catalog).then();
	}

	/** The containers, one per catalog (for tests and diagnostics). */
	List<ConcurrentMessageListenerContainer<String, byte[]>> containers() {
		return this.containers;
	}

	@Override
	public void start() {
		this.containers.forEach(ConcurrentMessageListenerContainer::start);
	}

	@Override
	public void stop() {
		this.containers.forEach(ConcurrentMessageListenerContainer::stop);
	}

	@Override
	public boolean isRunning() {
		return this.containers.stream().anyMatch(ConcurrentMessageListenerContainer::isRunning);
	}
}
