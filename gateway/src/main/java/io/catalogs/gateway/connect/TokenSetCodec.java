package io.catalogs.gateway.connect;

import io.catalogs.client.http.OAuth2Token;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The plaintext form of a token set before it is sealed: {@code v1} and the fields separated by
 * dots, each text field base64url-encoded ({@code -} for none), the expiry in epoch milliseconds.
 */
final class TokenSetCodec {

	private static final String VERSION = "v1";

	private TokenSetCodec() {
	}

	static byte[] encode(OAuth2Token token) {
		String text = String.join(".", VERSION, encode(token.accessToken()), encode(token.refreshToken()),
				Long.toString(token.expiresAt().toEpochMilli()), encode(token.instanceUrl()));
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static OAuth2Token decode(byte[] bytes) {
		String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\\.", -1);
		if (parts.length != 5 || !VERSION.equals(parts[0])) {
			throw new IllegalArgumentException("not a token set of format " + VERSION);
		}
		return new OAuth2Token(decode(parts[1]), decode(parts[2]), Instant.ofEpochMilli(Long.parseLong(parts[3])),
				decode(parts[4]));
	}

	private static String encode(String value) {
		return (value != null)
				? Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : "-";
	}

	private static String decode(String field) {
		return field.equals("-") ? null : new String(Base64.getUrlDecoder().decode(field), StandardCharsets.UTF_8);
	}
}
