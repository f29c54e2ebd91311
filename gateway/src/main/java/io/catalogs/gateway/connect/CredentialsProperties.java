package io.catalogs.gateway.connect;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys of {@code catalogs.credentials}: how the OAuth token sets of connected catalogs are
 * sealed in the control store (see docs/connected-accounts.md). Without {@code key}, nothing is
 * stored and {@code connectCatalog} is refused.
 *
 * @param key the current AES-256 key, base64 (32 bytes): seals every token set written
 * @param keyId its id, stored next to each sealed token set (default {@code k1})
 * @param previousKeys older keys by id, base64: still open what they sealed until a rotation
 *        re-seals it with {@code key}
 * @param redirectUri the redirect URI registered with the vendor apps, used when
 *        {@code connectCatalog} names none
 */
@ConfigurationProperties("catalogs.credentials")
public record CredentialsProperties(String key, @DefaultValue("k1") String keyId, Map<String, String> previousKeys,
		URI redirectUri) {

	public CredentialsProperties {
		previousKeys = (previousKeys != null) ? Map.copyOf(previousKeys) : Map.of();
	}

	/** Whether a key is configured. */
	public boolean enabled() {
		return this.key != null && !this.key.isBlank();
	}

	@Override
	public String toString() {
		// never the keys themselves
		return "CredentialsProperties[keyId=" + this.keyId + ", previousKeys=" + this.previousKeys.keySet()
				+ ", redirectUri=" + this.redirectUri + "]";
	}
}
