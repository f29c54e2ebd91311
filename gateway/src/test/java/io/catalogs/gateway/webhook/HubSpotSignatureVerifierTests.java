package io.catalogs.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HubSpotSignatureVerifierTests {

	private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";

	/** 2026-01-01T00:00:00Z in Unix milliseconds. */
	private static final String TIMESTAMP = "1767225600000";

	private static final Instant NOW = Instant.ofEpochMilli(Long.parseLong(TIMESTAMP));

	/** The URL as received: the query's escapes as HubSpot sends them. */
	private static final String URI = "https://gateway.example.com/webhooks/hubspot?portal=62515&next=https%3A%2F%2Fexample.com%2Fa%2Cb%28c%29";

	/** The same URL as HubSpot signs it. */
	private static final String SIGNED_URI = "https://gateway.example.com/webhooks/hubspot?portal=62515&next=https://example.com/a,b(c)";

	private static final String BODY_TEXT = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"objectId\":123,"
			+ "\"subscriptionType\":\"contact.propertyChange\",\"occurredAt\":1767225600000}]";

	private static final byte[] BODY = BODY_TEXT.getBytes(StandardCharsets.UTF_8);

	private final HubSpotSignatureVerifier verifier = new HubSpotSignatureVerifier(Duration.ofMinutes(5));

	@Test
	void matchesAKnownAnswerComputedOutsideTheVerifier() throws Exception {
		// computed once with Python's hmac over the same source string, and again here with javax.crypto
		String known = "Ahdkmi3b5T2FUVkeYp6xjnPEgfCxNns3lbej1oifQkM=";
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String source = "POST" + SIGNED_URI + BODY_TEXT + TIMESTAMP;
		assertThat(Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(StandardCharsets.UTF_8)))).isEqualTo(known);
		assertThat(HubSpotSignatureVerifier.signature(SECRET, "POST", URI, BODY, TIMESTAMP)).isEqualTo(known);
		assertThat(this.verifier.verify("POST", URI, BODY, known, TIMESTAMP, List.of(SECRET), NOW)).isEqualTo(NOW);
	}

	@Test
	void decodesExactlyTheEscapesHubSpotDecodesInEitherCase() {
		assertThat(HubSpotSignatureVerifier.signedUri("https://h/p?a=%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B"))
			.isEqualTo("https://h/p?a=:/?@!$'()*,;");
		assertThat(HubSpotSignatureVerifier.signedUri("https://h/p?a=%3a%2f%2c")).isEqualTo("https://h/p?a=:/,");
		// other escapes stay, and nothing is decoded twice
		assertThat(HubSpotSignatureVerifier.signedUri("https://h/p?a=%20%2B%26%3D%253A")).isEqualTo("https://h/p?a=%20%2B%26%3D%253A");
	}

	@Test
	void acceptsAnyOfSeveralSecretsForRotation() {
		String signature = HubSpotSignatureVerifier.signature("new-secret", "POST", URI, BODY, TIMESTAMP);
		assertThat(this.verifier.verify("POST", URI, BODY, signature, TIMESTAMP, List.of(SECRET, "new-secret"), NOW))
			.isEqualTo(NOW);
	}

	@Test
	void rejectsAnotherSecretWithoutNamingAny() {
		String signature = HubSpotSignatureVerifier.signature("wrong-secret", "POST", URI, BODY, TIMESTAMP);
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify("POST", URI, BODY, signature, TIMESTAMP, List.of(SECRET), NOW))
			.withMessage("no matching signature")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET).doesNotContain("wrong-secret"));
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify("POST", URI, BODY, signature, TIMESTAMP, List.of(), NOW));
	}

	@Test
	void rejectsATamperedOrReserializedBodyAnotherUriOrMethod() {
		String signature = HubSpotSignatureVerifier.signature(SECRET, "POST", URI, BODY, TIMESTAMP);
		byte[] reserialized = BODY_TEXT.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
		byte[] tampered = BODY_TEXT.replace("123", "124").getBytes(StandardCharsets.UTF_8);
		for (byte[] body : List.of(reserialized, tampered)) {
			assertThatExceptionOfType(WebhookRejectedException.class)
				.isThrownBy(() -> this.verifier.verify("POST", URI, body, signature, TIMESTAMP, List.of(SECRET), NOW));
		}
		assertThatExceptionOfType(WebhookRejectedException.class).isThrownBy(() -> this.verifier.verify("POST",
				URI.replace("portal=62515", "portal=62516"), BODY, signature, TIMESTAMP, List.of(SECRET), NOW));
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify("PUT", URI, BODY, signature, TIMESTAMP, List.of(SECRET), NOW));
	}

	@Test
	void rejectsTimestampsOlderOrNewerThanTheTolerance() {
		for (Duration offset : List.of(Duration.ofSeconds(-301), Duration.ofHours(1))) {
			String timestamp = Long.toString(NOW.plus(offset).toEpochMilli());
			String signature = HubSpotSignatureVerifier.signature(SECRET, "POST", URI, BODY, timestamp);
			assertThatExceptionOfType(WebhookRejectedException.class)
				.isThrownBy(() -> this.verifier.verify("POST", URI, BODY, signature, timestamp, List.of(SECRET), NOW))
				.withMessage("timestamp outside the tolerance");
		}
		String edge = Long.toString(NOW.minusSeconds(300).toEpochMilli());
		String signature = HubSpotSignatureVerifier.signature(SECRET, "POST", URI, BODY, edge);
		assertThat(this.verifier.verify("POST", URI, BODY, signature, edge, List.of(SECRET), NOW)).isEqualTo(NOW.minusSeconds(300));
	}

	@Test
	void appliesAConfiguredTolerance() {
		HubSpotSignatureVerifier strict = new HubSpotSignatureVerifier(Duration.ofSeconds(60));
		String timestamp = Long.toString(NOW.minusSeconds(61).toEpochMilli());
		String signature = HubSpotSignatureVerifier.signature(SECRET, "POST", URI, BODY, timestamp);
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> strict.verify("POST", URI, BODY, signature, timestamp, List.of(SECRET), NOW));
		assertThat(this.verifier.verify("POST", URI, BODY, signature, timestamp, List.of(SECRET), NOW)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "1767225600", "abc", "-1767225600000", "1767225600000.5", "99999999999999999999" })
	void rejectsAMissingOrMalformedTimestamp(String timestamp) {
		String signature = HubSpotSignatureVerifier.signature(SECRET, "POST", URI, BODY, timestamp);
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify("POST", URI, BODY, signature, timestamp, List.of(SECRET), NOW));
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify("POST", URI, BODY, signature, null, List.of(SECRET), NOW))
			.withMessageContaining(HubSpotSignatureVerifier.TIMESTAMP_HEADER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not base64!", "c2lnbmF0dXJl" })
	void rejectsAMissingMalformedOrShortSignature(String signature) {
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify("POST", URI, BODY, signature, TIMESTAMP, List.of(SECRET), NOW));
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify("POST", URI, BODY, null, TIMESTAMP, List.of(SECRET), NOW))
			.withMessageContaining(HubSpotSignatureVerifier.SIGNATURE_HEADER);
	}
}
