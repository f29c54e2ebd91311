package io.catalogs.gateway.webhook;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys of {@code catalogs.webhooks}: how webhook requests are checked, how long received events
 * are remembered and when events not applied are retried. The signing secrets are per catalog:
 * {@code catalogs.instances.<name>.webhook-secret}.
 *
 * @param tolerance how far a signed timestamp may lie from now, in the past or the future
 * @param retention how long received event ids are kept for deduplication
 * @param pruneInterval how often older ones are deleted
 * @param retryInterval how often events received but not applied (a failure, a crash) are applied
 * again; an event is retried once it is older than this
 * @param publicBaseUrl the scheme, host (and port) under which vendors call the gateway, when a
 * proxy stands in between: HubSpot signs the URL it called ({@code https://gateway.example.com});
 * {@code null} to take the request's own
 */
@ConfigurationProperties("catalogs.webhooks")
public record WebhookProperties(@DefaultValue("300s") Duration tolerance, @DefaultValue("7d") Duration retention,
		@DefaultValue("1h") Duration pruneInterval, @DefaultValue("1m") Duration retryInterval, URI publicBaseUrl) {
}
