package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.sync.ChangeEventCodec;
import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.gateway.sync.SyncEventRecordCodec;
import io.catalogs.gateway.sync.SyncProperties;
import io.catalogs.schema.ChangeEvent;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.stereotype.Component;

/**
 * This gateway instance's live view of the sync pipeline, for subscriptions: every
 * {@link SyncEventRecord} published on the sync-status topic ({@link #events()}) and every change
 * event published on the changes topic ({@link #committedChanges()}), whichever instance produced
 * them.
 *
 * <p>One Kafka consumer per instance reads both topics in a consumer group of its own
 * ({@code <group-id-prefix>-<random>}), so every instance sees every record. It starts at the end of
 * the topics and never commits offsets: a subscription sees what happens after it started, nothing
 * older (history is the {@code syncEvents} query). {@link #ready()} completes once the consumer has
 * its partitions and fixed its start offsets; records published after that are seen.
 *
 * <p>Records are multicast to the local subscribers from the consumer thread. Each subscriber has a
 * buffer of {@code catalogs.sync.subscriptions.buffer-size} records; when a slow subscriber's buffer
 * is full its oldest record is dropped (for that subscriber only, with a warning), so one slow
 * client never delays the consumer or the other subscribers. A record that cannot be read is logged
 * and skipped.
 */
@Component
public class SyncStatusFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SyncStatusFeed.class);

	// replaced on every stop, so that the feed can start again (the test framework pauses and
	// restarts cached application contexts); subscribers of a stopped feed see it complete
	private volatile Sinks.Many<SyncEventRecord> events = Sinks.many().multicast().directBestEffort();

	private volatile Sinks.Many<CommittedChange> changes = Sinks.many().multicast().directBestEffort();

	private volatile Sinks.Empty<Void> ready = Sinks.empty();

	private final Set<String> assignedTopics = ConcurrentHashMap.newKeySet();

	private final String statusTopic;

	private final String changesTopic;

	private final int bufferSize;

	private final AtomicLong subscriptionsStarted = new AtomicLong();

	private final SyncEventRecordCodec recordCodec = SyncEventRecordCodec.create();

	private final ChangeEventCodec codec = ChangeEventCodec.create();

	private final KafkaMessageListenerContainer<String, byte[]> container;

	public SyncStatusFeed(KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection,
			SyncStatusFeedProperties properties, SyncProperties sync) {
		this.statusTopic = sync.topics().status();
		this.changesTopic = sync.topics().changes();
		this.bufferSize = properties.bufferSize();
		this.container = container(consumerConfig(kafka, connection.getIfAvailable()),
				properties.groupIdPrefix() + "-" + UUID.randomUUID());
	}

	/**
	 * Every sync-event state change from now on, hot: a subscriber sees the records that arrive
	 * while it is subscribed. Completes when the feed stops (the application stops or is paused).
	 */
	public Flux<SyncEventRecord> events() {
		return buffered(() -> this.events.asFlux(), "sync status");
	}

	/** Every change event committed at its source from now on, hot, as {@link #events()}. */
	public Flux<CommittedChange> committedChanges() {
		return buffered(() -> this.changes.asFlux(), "change");
	}

	/** Completes once the consumer has been assigned the partitions of both topics and is at their end. */
	public Mono<Void> ready() {
		return Mono.defer(() -> this.ready.asMono());
	}

	/**
	 * How many subscriptions to the two feeds have been attached since start: only ever grows, so a
	 * caller can tell that its own subscription is attached whatever others end meanwhile.
	 */
	public long subscriptionsStarted() {
		return this.subscriptionsStarted.get();
	}

	private <T> Flux<T> buffered(Supplier<Flux<T>> feed, String what) {
		return Flux.defer(() -> {
			AtomicLong dropped = new AtomicLong();
			return feed.get().onBackpressureBuffer(this.bufferSize, (record) -> {
				long count = dropped.incrementAndGet();
				if (count == 1 || count % 1000 == 0) {
					logger.warn("A {} subscriber falls more than {} records behind: dropped its oldest ({} so far)",
							what, this.bufferSize, count);
				}
			}, BufferOverflowStrategy.DROP_OLDEST).doOnSubscribe((subscription) -> this.subscriptionsStarted.incrementAndGet());
		});
	}

	private KafkaMessageListenerContainer<String, byte[]> container(Map<String, Object> config, String groupId) {
		ContainerProperties properties = new ContainerProperties(this.statusTopic, this.changesTopic);
		properties.setGroupId(groupId);
		properties.setClientId(groupId);
		// never commits: the feed starts at the end on every start, and an empty group without
		// offsets leaves nothing behind on the broker
		properties.setAckMode(ContainerProperties.AckMode.MANUAL);
		properties.setConsumerRebalanceListener(new StartAtEnd());
		properties.setMessageListener((MessageListener<String, byte[]>) this::onRecord);
		properties.setShutdownTimeout(Duration.ofSeconds(5).toMillis());
		KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
				properties);
		container.setBeanName("syncStatusFeed");
		return container;
	}

	private static Map<String, Object> consumerConfig(KafkaProperties kafka, KafkaConnectionDetails connection) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		if (connection != null) {
			config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumer().getBootstrapServers());
			if (connection.getConsumer().getSecurityProtocol() != null) {
				config.put("security.protocol", connection.getConsumer().getSecurityProtocol());
			}
		}
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// the sync pipeline declares its topics; a feed that starts first must not create them
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		return config;
	}

	private void onRecord(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			return;
		}
		try {
			if (record.topic().equals(this.statusTopic)) {
				SyncEventRecord event = this.recordCodec.read(record.value());
				this.events.tryEmitNext(event);
			}
			else {
				this.changes.tryEmitNext(CommittedChange.from(this.codec.read(record.value())));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Skipped an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		this.container.start();
	}

	@Override
	public synchronized void stop() {
		this.container.stop();
		Sinks.Many<SyncEventRecord> stoppedEvents = this.events;
		Sinks.Many<CommittedChange> stoppedChanges = this.changes;
		this.events = Sinks.many().multicast().directBestEffort();
		this.changes = Sinks.many().multicast().directBestEffort();
		this.ready = Sinks.empty();
		this.assignedTopics.clear();
		stoppedEvents.tryEmitComplete();
		stoppedChanges.tryEmitComplete();
	}

	@Override
	public boolean isRunning() {
		return this.container.isRunning();
	}

	/** Moves newly assigned partitions to their end and completes {@link #ready()} once both topics have some. */
	private final class StartAtEnd implements ConsumerAwareRebalanceListener {

		@Override
		public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			consumer.seekToEnd(partitions);
			// seekToEnd is lazy: asking for the positions fixes them now, so that "ready" means every
			// record published from here on is delivered
			partitions.forEach((partition) -> {
				consumer.position(partition);
				SyncStatusFeed.this.assignedTopics.add(partition.topic());
			});
			if (SyncStatusFeed.this.assignedTopics.containsAll(
					Set.of(SyncStatusFeed.this.statusTopic, SyncStatusFeed.this.changesTopic))) {
				SyncStatusFeed.this.ready.tryEmitEmpty();
			}
		}
	}

	/**
	 * A change event as it committed at its source catalog, read from the changes topic (only what
	 * subscriptions need; the entity's state is read from the catalog).
	 *
	 * @param eventId the change event's id
	 * @param entityType the entity type name
	 * @param entityId the entity's id
	 * @param operation {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code SYNC}
	 * @param version the entity version after the change
	 * @param source the catalog that holds the change since it committed
	 * @param origin the catalog the change came in from, or {@code null} for a client write
	 */
	public record CommittedChange(UUID eventId, String entityType, UUID entityId, String operation, long version,
			String source, String origin) {

		/** The change {@code event} stands for. */
		public static CommittedChange from(ChangeEvent event) {
			return new CommittedChange(event.id(), event.entity().type().name(), event.entity().id(),
					event.operation().name(), event.entity().version(), event.source(), event.origin());
		}
	}
}
