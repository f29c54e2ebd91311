package io.catalogs.gateway.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys of {@code catalogs.webhooks}: how webhook requests are checked and how long received
 * events are remembered. The signing secrets are per catalog: {@code catalogs.instances.<name>.webhook-secret}.
 *
 * @param tolerance how far a signed timestamp may lie from now, in the past or the future
 * @param retention how long received event ids are kept for deduplication and ordering
 * @param pruneInterval how often older ones are deleted
 */
@ConfigurationProperties("catalogs.webhooks")
public record WebhookProperties(@DefaultValue("300s") Duration tolerance, @DefaultValue("7d") Duration retention,
		@DefaultValue("1h") Duration pruneInterval) {
}
