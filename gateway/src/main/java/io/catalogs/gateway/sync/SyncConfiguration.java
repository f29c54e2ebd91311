package io.catalogs.gateway.sync;

import io.catalogs.gateway.catalog.CatalogsProperties;
import io.catalogs.spi.CatalogRegistry;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Wires the sync pipeline (docs/sync.md): the control store, the change recorder every write goes
 * through, the outbox relay and intent recovery, the consumers, the retry scheduler, the topics,
 * metrics and Kafka health.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ControlStoreProperties.class, SyncProperties.class })
public class SyncConfiguration {

	@Bean
	ControlStore controlStore(ControlStoreProperties properties, CatalogRegistry registry) {
		return ControlStoreConnector.open(properties, registry);
	}

	/** Statements on the control store's own pool (the one {@code DatabaseClient} of the application). */
	@Bean
	DatabaseClient controlStoreDatabaseClient(ControlStore store) {
		return store.client();
	}

	@Bean
	ChangeEventCodec changeEventCodec() {
		return ChangeEventCodec.create();
	}

	@Bean
	SyncEventRecordCodec syncEventRecordCodec() {
		return SyncEventRecordCodec.create();
	}

	@Bean
	OutboxStore outboxStore(ControlStore store, ChangeEventCodec codec) {
		return new OutboxStore(store, codec);
	}

	@Bean
	SyncEventStore syncEventStore(ControlStore store, ChangeEventCodec codec) {
		return new SyncEventStore(store, codec);
	}

	@Bean
	ChangeRecorder changeRecorder(ControlStore store, OutboxStore outbox, CatalogRegistry registry,
			ObjectProvider<Clock> clock) {
		return new ChangeRecorder(store, outbox, registry, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SyncPublisher syncPublisher(ProducerFactory<?, ?> producers, SyncProperties properties, ChangeEventCodec changes,
			SyncEventRecordCodec records) {
		return new SyncPublisher(producers.getConfigurationProperties(), properties.topics(), changes, records);
	}

	@Bean
	SyncMetrics syncMetrics(ObjectProvider<MeterRegistry> meters) {
		return new SyncMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	SyncApplier syncApplier(SyncEventStore events, ControlStore store, SyncPublisher publisher,
			SyncProperties properties, SyncMetrics metrics, ObjectProvider<Clock> clock) {
		return new SyncApplier(events, store, publisher, new RetryPolicy(properties.retry()), metrics,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnProperty(name = "catalogs.sync.relay.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(ControlStore store, OutboxStore outbox, SyncEventStore events, SyncPublisher publisher,
			SyncProperties properties, ObjectProvider<Clock> clock) {
		return new OutboxRelay(store, outbox, events, publisher, properties.relay(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	IntentRecovery intentRecovery(ControlStore store, OutboxStore outbox, ChangeRecorder recorder,
			CatalogRegistry registry, SyncProperties properties, ObjectProvider<Clock> clock) {
		return new IntentRecovery(store, outbox, recorder, registry, properties.intentTimeout(),
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	SyncEventConsumer syncEventConsumer(CatalogRegistry registry, ConsumerFactory<?, ?> consumers,
			SyncProperties properties, SyncApplier applier, SyncPublisher publisher, ChangeEventCodec codec) {
		return new SyncEventConsumer(registry, consumers.getConfigurationProperties(), properties, applier, publisher,
				codec);
	}

	@Bean
	RetryScheduler retryScheduler(SyncEventStore events, SyncApplier applier, CatalogRegistry registry,
			SyncProperties properties) {
		return new RetryScheduler(events, applier, registry, properties);
	}

	@Bean
	SyncRequests syncRequests(CatalogRegistry registry, ChangeRecorder recorder, SyncEventStore events,
			SyncApplier applier, SyncPublisher publisher) {
		return new SyncRequests(registry, recorder, events, applier, publisher);
	}

	@Bean
	NewTopic syncChangesTopic(SyncProperties properties) {
		SyncProperties.Topics topics = properties.topics();
		return topic(topics.changes(), topics, topics.changesRetention().toMillis());
	}

	@Bean
	NewTopic syncStatusTopic(SyncProperties properties) {
		SyncProperties.Topics topics = properties.topics();
		return topic(topics.status(), topics, topics.statusRetention().toMillis());
	}

	@Bean
	NewTopic syncDeadLettersTopic(SyncProperties properties) {
		SyncProperties.Topics topics = properties.topics();
		return topic(topics.deadLetters(), topics, topics.deadLettersRetention().toMillis());
	}

	private static NewTopic topic(String name, SyncProperties.Topics topics, long retentionMs) {
		return TopicBuilder.name(name)
			.partitions(topics.partitions())
			.replicas(topics.replicationFactor())
			.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)))
			.build();
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, CatalogsProperties catalogs) {
		return new KafkaHealthIndicator(admin.getConfigurationProperties(), catalogs.healthTimeout());
	}
}
