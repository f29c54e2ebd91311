package io.catalogs.gateway.sync;

import io.catalogs.schema.ChangeEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes to the sync topics with an idempotent producer ({@code enable.idempotence=true},
 * {@code acks=all}) built from the application's Kafka configuration ({@code spring.kafka.*}):
 * change events to the changes topic, sync event states to the status topic, and dead letters.
 * Every record is keyed by entity id, so one entity's records stay in order on one partition.
 *
 * <p>Sends run on a bounded-elastic thread (a producer may block while it fetches metadata);
 * the returned {@link Mono}s complete when the broker acknowledged.
 */
public class SyncPublisher implements DisposableBean {

	/** Header of a dead letter: the catalog the change could not be applied to. */
	public static final String TARGET_HEADER = "catalogs-target";

	/** Header of a dead letter: why. */
	public static final String ERROR_HEADER = "catalogs-error";

	private static final Logger logger = LoggerFactory.getLogger(SyncPublisher.class);

	private final DefaultKafkaProducerFactory<String, byte[]> producers;

	private final KafkaTemplate<String, byte[]> template;

	private final SyncProperties.Topics topics;

	private final ChangeEventCodec changes;

	private final SyncEventRecordCodec records;

	SyncPublisher(Map<String, Object> kafkaProducerConfig, SyncProperties.Topics topics, ChangeEventCodec changes,
			SyncEventRecordCodec records) {
		Map<String, Object> config = new HashMap<>(kafkaProducerConfig);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
		this.template = new KafkaTemplate<>(this.producers);
		this.topics = topics;
		this.changes = changes;
		this.records = records;
	}

	/** Publish already serialized change events (key: entity id); completes when all are acknowledged. */
	Mono<Void> publishChanges(List<? extends Map.Entry<String, byte[]>> events) {
		return send(events.stream().map((event) -> new ProducerRecord<>(this.topics.changes(), event.getKey(),
				event.getValue())).toList());
	}

	/** Publish a change event (as given, such as a test's duplicate); completes when acknowledged. */
	public Mono<Void> publishChange(ChangeEvent event) {
		return send(List.of(new ProducerRecord<>(this.topics.changes(), event.entity().id().toString(),
				this.changes.write(event))));
	}

	/** Publish sync event states to the status topic; completes when all are acknowledged. */
	Mono<Void> publishStatuses(List<SyncEventRecord> states) {
		return send(states.stream().map((state) -> new ProducerRecord<>(this.topics.status(),
				state.entityId().toString(), this.records.write(state))).toList());
	}

	/**
	 * Hand a sync event state to the producer without waiting for the broker (records of one
	 * producer stay in order per partition); a failure is logged, not signalled: the control store
	 * holds the truth.
	 */
	Mono<Void> publishStatusQuietly(SyncEventRecord state) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topics.status(), state.entityId().toString(),
				this.records.write(state));
		return Mono.fromRunnable(() -> this.template.send(record).whenComplete((result, ex) -> {
			if (ex != null) {
				logger.warn("Could not publish the state of sync event {} to {}: {}", state.id(), this.topics.status(),
						ex.toString());
			}
		})).onErrorResume((ex) -> {
			logger.warn("Could not publish the state of sync event {} to {}: {}", state.id(), this.topics.status(),
					ex.toString());
			return Mono.empty();
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	/** Publish a change event that exhausted its retries for {@code target} to the dead-letter topic. */
	Mono<Void> publishDeadLetter(String key, byte[] value, String target, String error) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topics.deadLetters(), key, value);
		if (target != null) {
			record.headers().add(TARGET_HEADER, target.getBytes(StandardCharsets.UTF_8));
		}
		record.headers().add(ERROR_HEADER, String.valueOf(error).getBytes(StandardCharsets.UTF_8));
		return send(List.of(record));
	}

	/** The serialized form of {@code event}, as published. */
	byte[] serialize(ChangeEvent event) {
		return this.changes.write(event);
	}

	private Mono<Void> send(List<ProducerRecord<String, byte[]>> records) {
		if (records.isEmpty()) {
			return Mono.empty();
		}
		return Mono.fromCallable(() -> {
			List<CompletableFuture<?>> acks = new ArrayList<>(records.size());
			for (ProducerRecord<String, byte[]> record : records) {
				acks.add(this.template.send(record));
			}
			return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
		}).subscribeOn(Schedulers.boundedElastic()).flatMap(Mono::fromFuture);
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}
}
