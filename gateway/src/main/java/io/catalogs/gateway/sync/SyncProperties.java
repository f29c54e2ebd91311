package io.catalogs.gateway.sync;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the sync pipeline runs: {@code catalogs.sync.*} (docs/sync.md lists every key).
 *
 * @param intentTimeout how old an outbox row still in {@code INTENT} state (a write to a catalog
 * that cannot share the control store's transaction) must be before the recovery sweep publishes
 * the entity's current state instead
 * @param relay the outbox relay
 * @param topics the Kafka topics
 * @param consumer the consumers that apply changes to catalogs
 * @param retry retries of changes a catalog could not apply
 */
@Validated
@ConfigurationProperties("catalogs.sync")
public record SyncProperties(@DefaultValue("30s") Duration intentTimeout, @DefaultValue @Valid Relay relay,
		@DefaultValue @Valid Topics topics, @DefaultValue @Valid Consumer consumer, @DefaultValue @Valid Retry retry) {

	/** Every key at its default. */
	public static SyncProperties defaults() {
		return new SyncProperties(Duration.ofSeconds(30), Relay.defaults(), Topics.defaults(), Consumer.defaults(),
				Retry.defaults());
	}

	/**
	 * The relay from the outbox to the changes topic.
	 *
	 * @param enabled whether this instance runs a relay (several instances may)
	 * @param pollInterval how often it looks for unpublished rows when no notification woke it
	 * @param batchSize how many rows one transaction publishes at most
	 * @param publishTimeout how long a batch may wait for the broker's acknowledgements
	 * @param retention how long published rows are kept before they are pruned
	 * @param pruneInterval how often published rows older than the retention are pruned
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
			@DefaultValue("100") @Min(1) int batchSize, @DefaultValue("30s") Duration publishTimeout,
			@DefaultValue("1d") Duration retention, @DefaultValue("10m") Duration pruneInterval) {

		static Relay defaults() {
			return new Relay(true, Duration.ofMillis(500), 100, Duration.ofSeconds(30), Duration.ofDays(1),
					Duration.ofMinutes(10));
		}
	}

	/**
	 * The Kafka topics, created at startup when missing.
	 *
	 * @param changes the change events, keyed by entity id
	 * @param status every state change of a sync event (JSON {@link SyncEventRecord}), keyed by entity id
	 * @param deadLetters change events whose retries are exhausted, and records that cannot be read
	 * @param partitions the partitions of each topic
	 * @param replicationFactor the replicas of each partition
	 * @param changesRetention how long the changes topic keeps records
	 * @param statusRetention how long the status topic keeps records
	 * @param deadLettersRetention how long the dead-letter topic keeps records
	 */
	public record Topics(@DefaultValue("catalog-changes") @NotBlank String changes,
			@DefaultValue("catalog-sync-status") @NotBlank String status,
			@DefaultValue("catalog-changes-dlt") @NotBlank String deadLetters, @DefaultValue("6") @Min(1) int partitions,
			@DefaultValue("1") @Min(1) short replicationFactor, @DefaultValue("7d") Duration changesRetention,
			@DefaultValue("1d") Duration statusRetention, @DefaultValue("30d") Duration deadLettersRetention) {

		static Topics defaults() {
			return new Topics("catalog-changes", "catalog-sync-status", "catalog-changes-dlt", 6, (short) 1,
					Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(30));
		}
	}

	/**
	 * The consumers: one consumer group per catalog.
	 *
	 * @param groupPrefix the start of each group id; the catalog name follows
	 * @param concurrency consumer threads per catalog
	 * @param parallelism how many entities of one polled batch are applied at the same time (the
	 * changes of one entity always one after the other, in order)
	 */
	public record Consumer(@DefaultValue("catalog-sync-") @NotBlank String groupPrefix,
			@DefaultValue("1") @Min(1) int concurrency, @DefaultValue("16") @Min(1) int parallelism) {

		static Consumer defaults() {
			return new Consumer("catalog-sync-", 1, 16);
		}
	}

	/**
	 * Retries of a change that failed with a retriable error: exponential backoff with jitter, then
	 * the dead-letter topic.
	 *
	 * @param maxAttempts attempts in all, the first included, before the change is dead-lettered
	 * @param initialInterval the wait before the second attempt
	 * @param multiplier how much each wait grows
	 * @param maxInterval the longest wait
	 * @param jitter the random part of each wait, as a fraction of it (0.2: up to 20% shorter or longer)
	 * @param pollInterval how often the retry scheduler looks for due retries
	 * @param batchSize how many due retries it takes at a time
	 */
	public record Retry(@DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("1s") Duration initialInterval,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier, @DefaultValue("5m") Duration maxInterval,
			@DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("50") @Min(1) int batchSize) {

		static Retry defaults() {
			return new Retry(8, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.2, Duration.ofSeconds(1), 50);
		}
	}
}
