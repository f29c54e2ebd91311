package io.catalogs.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code Stripe-Signature} header of a webhook request: {@code t=<unix seconds>} and one
 * or more {@code v1=<hex HMAC-SHA256>} over {@code "<t>." + raw body} with the endpoint's signing
 * secret. Any of several secrets may match (rotation) and any {@code v1} value may match (Stripe
 * sends one per active secret); the timestamp must lie within the tolerance of now, in the past or
 * the future. Comparisons are constant-time. Pure and thread-safe; messages never contain a secret.
 */
public final class StripeSignatureVerifier {

	private static final String SCHEME = "v1";

	private final Duration tolerance;

	public StripeSignatureVerifier(Duration tolerance) {
		this.tolerance = tolerance;
	}

	/**
	 * Verify {@code header} for {@code body} at {@code now}; returns the signed timestamp.
	 * @throws WebhookRejectedException if the header is missing or malformed, the timestamp is
	 * outside the tolerance, or no signature matches any of {@code secrets}
	 */
	public Instant verify(String header, byte[] body, List<String> secrets, Instant now) {
		if (header == null || header.isBlank()) {
			throw new WebhookRejectedException("missing Stripe-Signature header");
		}
		String timestamp = null;
		List<byte[]> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			int eq = part.indexOf('=');
			if (eq <= 0) {
				throw new WebhookRejectedException("malformed Stripe-Signature header");
			}
			String key = part.substring(0, eq).trim();
			String value = part.substring(eq + 1).trim();
			if (key.equals("t")) {
				timestamp = value;
			}
			else if (key.equals(SCHEME)) {
				signatures.add(hex(value));
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw new WebhookRejectedException("malformed Stripe-Signature header");
		}
		Instant signedAt = seconds(timestamp);
		if (Duration.between(signedAt, now).abs().compareTo(this.tolerance) > 0) {
			throw new WebhookRejectedException("timestamp outside the tolerance");
		}
		byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
		boolean matched = false;
		for (String secret : secrets) {
			byte[] expected = sign(secret, prefix, body);
			for (byte[] signature : signatures) {
				// no early exit: every comparison is made
				matched |= MessageDigest.isEqual(expected, signature);
			}
		}
		if (!matched) {
			throw new WebhookRejectedException("no matching signature");
		}
		return signedAt;
	}

	/** The header Stripe would send for {@code body} signed with {@code secret} at {@code at} (tests, tools). */
	public static String header(String secret, Instant at, byte[] body) {
		String timestamp = Long.toString(at.getEpochSecond());
		return "t=" + timestamp + "," + SCHEME + "="
				+ HexFormat.of().formatHex(sign(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
	}

	private static byte[] sign(String secret, byte[] prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(prefix);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] hex(String value) {
		try {
			return HexFormat.of().parseHex(value);
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookRejectedException("malformed Stripe-Signature header");
		}
	}

	private static Instant seconds(String value) {
		try {
			return Instant.ofEpochSecond(Long.parseLong(value));
		}
		catch (RuntimeException ex) {
			throw new WebhookRejectedException("malformed Stripe-Signature header");
		}
	}
}
