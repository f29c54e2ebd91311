package io.catalogs.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks HubSpot's v3 request signature: {@code X-HubSpot-Signature-v3} is the Base64 HMAC-SHA256,
 * keyed with the app's client secret, of {@code method + URI + raw body + timestamp}, where the
 * timestamp is {@code X-HubSpot-Request-Timestamp} (Unix milliseconds) and the URI is the full URL
 * HubSpot called (scheme, host, path and query as configured in the app: behind a proxy, the public
 * one) with the characters HubSpot decodes before signing decoded ({@link #signedUri}). Any of
 * several secrets may match (rotation); the timestamp must lie within the tolerance of now, in the
 * past or the future. Comparisons are constant-time. Pure and thread-safe; messages never contain
 * a secret.
 */
public final class HubSpotSignatureVerifier {

	/** The signature header. */
	public static final String SIGNATURE_HEADER = "X-HubSpot-Signature-v3";

	/** The timestamp header (Unix milliseconds). */
	public static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";

	/** The escapes HubSpot decodes in the request URI before signing it (its v3 validation guide). */
	private static final Map<String, String> DECODED = Map.ofEntries(Map.entry("3A", ":"), Map.entry("2F", "/"),
			Map.entry("3F", "?"), Map.entry("40", "@"), Map.entry("21", "!"), Map.entry("24", "$"), Map.entry("27", "'"),
			Map.entry("28", "("), Map.entry("29", ")"), Map.entry("2A", "*"), Map.entry("2C", ","), Map.entry("3B", ";"));

	private static final Pattern ESCAPE = Pattern.compile("%(3[AaFfBb]|2[FfAaCc]|40|21|24|27|28|29)");

	private final Duration tolerance;

	public HubSpotSignatureVerifier(Duration tolerance) {
		this.tolerance = tolerance;
	}

	/**
	 * Verify a request; returns the signed timestamp.
	 * @param method the HTTP method ({@code POST})
	 * @param requestUri the full URL HubSpot called, as received (escapes included)
	 * @param body the raw body bytes
	 * @param signature the {@code X-HubSpot-Signature-v3} header
	 * @param timestamp the {@code X-HubSpot-Request-Timestamp} header
	 * @param secrets the app client secrets currently accepted
	 * @param now the time to check the timestamp against
	 * @throws WebhookRejectedException if a header is missing or malformed, the timestamp is outside
	 * the tolerance, or the signature matches none of {@code secrets}
	 */
	public Instant verify(String method, String requestUri, byte[] body, String signature, String timestamp,
			List<String> secrets, Instant now) {
		if (signature == null || signature.isBlank()) {
			throw new WebhookRejectedException("missing " + SIGNATURE_HEADER + " header");
		}
		if (timestamp == null || timestamp.isBlank()) {
			throw new WebhookRejectedException("missing " + TIMESTAMP_HEADER + " header");
		}
		Instant signedAt = millis(timestamp.trim());
		if (Duration.between(signedAt, now).abs().compareTo(this.tolerance) > 0) {
			throw new WebhookRejectedException("timestamp outside the tolerance");
		}
		byte[] given = base64(signature.trim());
		boolean matched = false;
		for (String secret : secrets) {
			if (secret == null || secret.isEmpty()) {
				continue;
			}
			// no early exit: every comparison is made
			matched |= MessageDigest.isEqual(sign(secret, method, requestUri, body, timestamp.trim()), given);
		}
		if (!matched) {
			throw new WebhookRejectedException("no matching signature");
		}
		return signedAt;
	}

	/** The {@code X-HubSpot-Signature-v3} value HubSpot would send (tests, tools). */
	public static String signature(String secret, String method, String requestUri, byte[] body, String timestamp) {
		return Base64.getEncoder().encodeToString(sign(secret, method, requestUri, body, timestamp));
	}

	/**
	 * The URI as HubSpot signs it: {@code %3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B} decoded to
	 * {@code : / ? @ ! $ ' ( ) * , ;} (hex digits in either case); every other escape is kept as sent.
	 */
	static String signedUri(String requestUri) {
		Matcher matcher = ESCAPE.matcher(requestUri);
		StringBuilder out = new StringBuilder(requestUri.length());
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(DECODED.get(matcher.group(1).toUpperCase(Locale.ROOT))));
		}
		return matcher.appendTail(out).toString();
	}

	private static byte[] sign(String secret, String method, String requestUri, byte[] body, String timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((method + signedUri(requestUri)).getBytes(StandardCharsets.UTF_8));
			mac.update(body);
			return mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] base64(String value) {
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookRejectedException("malformed " + SIGNATURE_HEADER + " header");
		}
	}

	private static Instant millis(String value) {
		if (value.isEmpty() || value.length() > 15 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new WebhookRejectedException("malformed " + TIMESTAMP_HEADER + " header");
		}
		return Instant.ofEpochMilli(Long.parseLong(value));
	}
}
