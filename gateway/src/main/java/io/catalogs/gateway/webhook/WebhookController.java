package io.catalogs.gateway.webhook;

import io.catalogs.api.stripe.StripeCatalogFactory;
import io.catalogs.spi.RetriableCatalogException;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{catalog}}: vendor events about a catalog's objects. Only catalogs of kind
 * {@code stripe} with a {@code webhook-secret} take webhooks (others: 404). The raw body is checked
 * against {@code Stripe-Signature} before it is read; a forged, stale or malformed request is a 400
 * that changes nothing. A verified event is acknowledged with 200 once applied, found a duplicate,
 * found older than what was received, or ignored; a control store or primary that is down is a 503,
 * so that Stripe delivers the event again.
 */
@RestController
class WebhookController {

	private static final Logger logger = LoggerFactory.getLogger(WebhookController.class);

	private final Binder binder;

	private final StripeSignatureVerifier verifier;

	private final StripeCustomerEvents customers;

	private final Clock clock;

	WebhookController(Environment environment, WebhookProperties properties, StripeCustomerEvents customers,
			ObjectProvider<Clock> clock) {
		this.binder = Binder.get(environment);
		this.verifier = new StripeSignatureVerifier(properties.tolerance());
		this.customers = customers;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@PostMapping("/webhooks/{catalog}")
	Mono<ResponseEntity<Map<String, Object>>> receive(@PathVariable String catalog,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		List<String> secrets = secrets(catalog);
		if (secrets.isEmpty()) {
			return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("error", "no webhooks configured for catalog '" + catalog + "'")));
		}
		byte[] raw = (body != null) ? body : new byte[0];
		return Mono.defer(() -> {
			this.verifier.verify(signature, raw, secrets, this.clock.instant());
			return this.customers.apply(catalog, raw);
		}).map((outcome) -> {
			logger.debug("Webhook to '{}': {}", catalog, outcome);
			return ResponseEntity.ok(Map.<String, Object>of("received", true, "outcome", outcome.name()));
		}).onErrorResume(WebhookRejectedException.class, (ex) -> {
			logger.warn("Webhook to '{}' rejected: {}", catalog, ex.getMessage());
			return Mono.just(ResponseEntity.badRequest().body(Map.of("error", ex.getMessage())));
		}).onErrorResume((ex) -> {
			boolean retriable = ex instanceof RetriableCatalogException;
			logger.warn("Webhook to '{}' failed{}", catalog, retriable ? ": " + ex.getMessage() : "", retriable ? null : ex);
			return Mono.just(ResponseEntity.status(retriable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR)
				.body(Map.of("error", retriable ? "temporarily unavailable" : "internal error")));
		});
	}

	/** The signing secrets of {@code catalog}: a list, or one comma-separated text; empty when none or not Stripe. */
	private List<String> secrets(String catalog) {
		String prefix = "catalogs.instances." + catalog + ".";
		String kind = this.binder.bind(prefix + "kind", String.class).orElse(null);
		if (!StripeCatalogFactory.KIND.equals(kind)) {
			return List.of();
		}
		return this.binder.bind(prefix + "webhook-secret", Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.map(String::trim)
			.filter((secret) -> !secret.isEmpty())
			.toList();
	}
}
