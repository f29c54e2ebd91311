package io.catalogs.gateway.webhook;

import io.catalogs.api.ApiLinkStore;
import io.catalogs.gateway.sync.ChangeRecorder;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.spi.CatalogRegistry;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook endpoint's collaborators: the received-events table and the Stripe event handler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

	@Bean
	WebhookEventStore webhookEventStore(ControlStore store, WebhookProperties properties) {
		return new WebhookEventStore(store, properties);
	}

	@Bean
	StripeCustomerEvents stripeCustomerEvents(CatalogRegistry registry, ApiLinkStore links, ChangeRecorder recorder,
			WebhookEventStore events, ObjectProvider<Clock> clock) {
		return new StripeCustomerEvents(registry, links, recorder, events, clock.getIfAvailable(Clock::systemUTC));
	}
}
