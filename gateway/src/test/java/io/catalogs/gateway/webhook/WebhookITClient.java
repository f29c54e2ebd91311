package io.catalogs.gateway.webhook;

import io.catalogs.client.fake.FakeServers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the webhook tests do over HTTP: write to the fake Stripe and HubSpot as a user of their
 * dashboards would, read the events the fake Stripe recorded, and deliver signed webhooks to the
 * gateway.
 */
final class WebhookITClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	WebhookITClient(int port) {
		this.port = port;
	}

	/** A form POST (or DELETE when {@code form} is {@code null}) to the fake Stripe; emits the object. */
	Map<String, Object> stripe(String method, String path, String form) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(FakeServers.stripe().baseUrl() + path))
			.header("Authorization", "Bearer " + FakeServers.STRIPE_KEY)
			.header("Content-Type", "application/x-www-form-urlencoded");
		builder = (form != null) ? builder.method(method, HttpRequest.BodyPublishers.ofString(form))
				: builder.method(method, HttpRequest.BodyPublishers.noBody());
		return object(this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
	}

	/** A JSON request to the fake HubSpot's contacts; emits the contact. */
	Map<String, Object> hubspot(String method, String path, Object body) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(
				URI.create(FakeServers.hubspot().baseUrl() + "/crm/v3/objects/contacts" + path))
			.header("Authorization", "Bearer " + FakeServers.HUBSPOT_TOKEN)
			.header("Content-Type", "application/json");
		builder = builder.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))
				: HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		return response.body().isEmpty() ? Map.of() : object(response);
	}

	/** The events the fake Stripe recorded about object {@code id}, oldest first, as JSON. */
	@SuppressWarnings("unchecked")
	List<String> stripeEvents(String id, String type) {
		return FakeServers.stripeVendor().events().stream()
			.filter((event) -> id.equals(((Map<String, Object>) ((Map<String, Object>) event.get("data")).get("object")).get("id")))
			.filter((event) -> type == null || type.equals(event.get("type")))
			.map(this.json::writeValueAsString)
			.toList();
	}

	/** Delivers {@code body} to {@code /webhooks/stripe} signed with {@code secret} now. */
	HttpResponse<String> deliverStripe(String body, String secret) throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return this.http.send(HttpRequest.newBuilder(uri("stripe"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeSignatureVerifier.header(secret, Instant.now(), bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Delivers {@code body} to {@code /webhooks/hubspot}, signed (v3) with {@code secret} at {@code at}. */
	HttpResponse<String> deliverHubSpot(String body, String secret, Instant at) throws Exception {
		return deliverHubSpotWith(body, (bytes, timestamp) -> HubSpotSignatureVerifier.signature(secret, "POST",
				uri("hubspot").toString(), bytes, timestamp), at);
	}

	/** Delivers {@code body} to {@code /webhooks/hubspot} with the signature {@code signer} makes ({@code null}: unsigned). */
	HttpResponse<String> deliverHubSpotWith(String body, java.util.function.BiFunction<byte[], String, String> signer, Instant at)
			throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(at.toEpochMilli());
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri("hubspot"))
			.header("Content-Type", "application/json")
			.header(HubSpotSignatureVerifier.TIMESTAMP_HEADER, timestamp)
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
		if (signer != null) {
			builder.header(HubSpotSignatureVerifier.SIGNATURE_HEADER, signer.apply(bytes, timestamp));
		}
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	URI uri(String catalog) {
		return URI.create("http://localhost:" + this.port + "/webhooks/" + catalog);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> object(HttpResponse<String> response) {
		if (response.statusCode() >= 300) {
			throw new IllegalStateException("fake vendor answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readValue(response.body(), Map.class);
	}
}
