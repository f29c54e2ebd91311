package io.catalogs.gateway.webhook;

import io.catalogs.api.hubspot.HubSpotCatalogFactory;
import io.catalogs.api.stripe.StripeCatalogFactory;
import io.catalogs.spi.RetriableCatalogException;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{catalog}}: vendor events about a catalog's objects. Catalogs of kind
 * {@code stripe} ({@code Stripe-Signature}) and {@code hubspot} (v3 signature) with a
 * {@code webhook-secret} take webhooks (others: 404). The raw body is verified before it is read;
 * a forged, stale or malformed request is a 400 that changes nothing. A verified delivery is
 * acknowledged with 200; a control store, primary or vendor that is down while a Stripe event is
 * applied is a 503, so that Stripe delivers it again.
 */
@RestController
class WebhookController {

	private static final Logger logger = LoggerFactory.getLogger(WebhookController.class);

	private final WebhookCatalogs catalogs;

	private final StripeSignatureVerifier stripeVerifier;

	private final HubSpotSignatureVerifier hubSpotVerifier;

	private final StripeWebhooks stripe;

	private final HubSpotWebhooks hubSpot;

	private final URI publicBaseUrl;

	private final Clock clock;

	WebhookController(WebhookCatalogs catalogs, WebhookProperties properties, StripeWebhooks stripe,
			HubSpotWebhooks hubSpot, ObjectProvider<Clock> clock) {
		this.catalogs = catalogs;
		this.stripeVerifier = new StripeSignatureVerifier(properties.tolerance());
		this.hubSpotVerifier = new HubSpotSignatureVerifier(properties.tolerance());
		this.stripe = stripe;
		this.hubSpot = hubSpot;
		this.publicBaseUrl = properties.publicBaseUrl();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@PostMapping("/webhooks/{catalog}")
	Mono<ResponseEntity<Map<String, Object>>> receive(@PathVariable String catalog, ServerHttpRequest request,
			@RequestBody(required = false) byte[] body) {
		String kind = this.catalogs.kind(catalog);
		boolean supported = StripeCatalogFactory.KIND.equals(kind) || HubSpotCatalogFactory.KIND.equals(kind);
		List<String> secrets = supported ? this.catalogs.secrets(catalog) : List.of();
		if (secrets.isEmpty()) {
			return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("error", "no webhooks configured for catalog '" + catalog + "'")));
		}
		byte[] raw = (body != null) ? body : new byte[0];
		return Mono.defer(() -> {
			if (StripeCatalogFactory.KIND.equals(kind)) {
				this.stripeVerifier.verify(request.getHeaders().getFirst("Stripe-Signature"), raw, secrets,
						this.clock.instant());
				return this.stripe.apply(catalog, raw);
			}
			this.hubSpotVerifier.verify(request.getMethod().name(), signedUrl(request), raw,
					request.getHeaders().getFirst(HubSpotSignatureVerifier.SIGNATURE_HEADER),
					request.getHeaders().getFirst(HubSpotSignatureVerifier.TIMESTAMP_HEADER), secrets, this.clock.instant());
			return this.hubSpot.receive(catalog, raw);
		}).map((response) -> {
			logger.debug("Webhook to '{}': {}", catalog, response);
			return ResponseEntity.ok(response);
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

	/** The URL the vendor called: the configured public base URL with the request's path and query, else the request's. */
	private String signedUrl(ServerHttpRequest request) {
		URI uri = request.getURI();
		if (this.publicBaseUrl == null) {
			return uri.toString();
		}
		String base = this.publicBaseUrl.toString();
		base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		return base + uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}
}
