package io.catalogs.gateway.webhook;

import io.catalogs.api.ApiLinkStore;
import io.catalogs.gateway.inbound.InboundWriter;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.spi.CatalogRegistry;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The webhook endpoint's collaborators: the received-events table, the vendor handlers and the retry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

	@Bean
	WebhookEventStore webhookEventStore(ControlStore store, WebhookProperties properties) {
		return new WebhookEventStore(store, properties);
	}

	@Bean
	WebhookCatalogs webhookCatalogs(Environment environment) {
		return new WebhookCatalogs(environment);
	}

	@Bean
	WebhookChanges webhookChanges(InboundWriter writer, CatalogRegistry registry, ApiLinkStore links) {
		return new WebhookChanges(writer, registry, links);
	}

	@Bean
	StripeWebhooks stripeWebhooks(WebhookEventStore events, WebhookChanges changes) {
		return new StripeWebhooks(events, changes);
	}

	@Bean
	HubSpotWebhooks hubSpotWebhooks(WebhookEventStore events, WebhookChanges changes) {
		return new HubSpotWebhooks(events, changes);
	}

	@Bean
	WebhookRetry webhookRetry(WebhookEventStore events, WebhookChanges changes, WebhookCatalogs catalogs,
			WebhookProperties properties, ObjectProvider<Clock> clock) {
		return new WebhookRetry(events, changes, catalogs, properties, clock.getIfAvailable(Clock::systemUTC));
	}
}
