package io.catalogs.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StripeSignatureVerifierTests {

	private static final String SECRET = "whsec_test_secret";

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"customer.updated\"}".getBytes(StandardCharsets.UTF_8);

	private final StripeSignatureVerifier verifier = new StripeSignatureVerifier(Duration.ofSeconds(300));

	@Test
	void acceptsAValidSignatureAndReturnsItsTimestamp() {
		String header = StripeSignatureVerifier.header(SECRET, NOW.minusSeconds(10), BODY);
		assertThat(this.verifier.verify(header, BODY, List.of(SECRET), NOW)).isEqualTo(NOW.minusSeconds(10));
	}

	@Test
	void matchesStripesDocumentedComputation() throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signed = NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8);
		String hex = java.util.HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		assertThat(StripeSignatureVerifier.header(SECRET, NOW, BODY)).isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + hex);
	}

	@Test
	void rejectsAnotherSecret() {
		String header = StripeSignatureVerifier.header("whsec_other", NOW, BODY);
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify(header, BODY, List.of(SECRET), NOW))
			.withMessage("no matching signature")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET));
	}

	@Test
	void rejectsATamperedBody() {
		String header = StripeSignatureVerifier.header(SECRET, NOW, BODY);
		byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"customer.deleted\"}".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify(header, tampered, List.of(SECRET), NOW));
	}

	@Test
	void rejectsAStaleTimestamp() {
		String header = StripeSignatureVerifier.header(SECRET, NOW.minusSeconds(301), BODY);
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify(header, BODY, List.of(SECRET), NOW))
			.withMessage("timestamp outside the tolerance");
		assertThat(this.verifier.verify(StripeSignatureVerifier.header(SECRET, NOW.minusSeconds(300), BODY), BODY,
				List.of(SECRET), NOW)).isNotNull();
	}

	@Test
	void rejectsATimestampTooFarInTheFuture() {
		String header = StripeSignatureVerifier.header(SECRET, NOW.plusSeconds(301), BODY);
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify(header, BODY, List.of(SECRET), NOW))
			.withMessage("timestamp outside the tolerance");
	}

	@Test
	void acceptsAnyOfSeveralSignaturesAndSecrets() {
		String valid = StripeSignatureVerifier.header(SECRET, NOW, BODY);
		String other = StripeSignatureVerifier.header("whsec_old", NOW, BODY);
		String header = other + ",v0=abcdef," + valid.substring(valid.indexOf("v1="));
		assertThat(this.verifier.verify(header, BODY, List.of(SECRET), NOW)).isEqualTo(NOW);
		// rotation on our side: the old secret is still accepted while listed
		assertThat(this.verifier.verify(other, BODY, List.of(SECRET, "whsec_old"), NOW)).isEqualTo(NOW);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "t=abc,v1=00", "v1=0011", "t=1767261600", "t=1767261600,v1=zz",
			"t=1767261600,=x" })
	void rejectsAMalformedHeader(String header) {
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify(header, BODY, List.of(SECRET), NOW));
	}

	@Test
	void rejectsAMissingHeader() {
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify(null, BODY, List.of(SECRET), NOW))
			.withMessage("missing Stripe-Signature header");
	}
}
