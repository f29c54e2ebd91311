/**
 * The sync pipeline (design and configuration keys: {@code docs/sync.md}).
 *
 * <p>Every write through the gateway goes through {@link io.catalogs.gateway.sync.ChangeRecorder},
 * which records it in the control store's outbox ({@link io.catalogs.gateway.sync.ControlStore}) in
 * the write's own transaction when the catalog shares the control store's database, or through the
 * intent protocol otherwise ({@link io.catalogs.gateway.sync.IntentRecovery}).
 * {@link io.catalogs.gateway.sync.OutboxRelay} publishes the outbox to Kafka;
 * {@link io.catalogs.gateway.sync.SyncEventConsumer} applies it to every other catalog with
 * apply-if-newer, recording each event × target state in {@code sync_events} and on the status
 * topic; {@link io.catalogs.gateway.sync.RetryScheduler} retries with backoff until the dead-letter
 * topic. {@link io.catalogs.gateway.sync.SyncMutationController} serves the sync mutations.
 */
package io.catalogs.gateway.sync;
