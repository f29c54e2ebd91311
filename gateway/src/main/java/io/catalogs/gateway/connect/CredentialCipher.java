package io.catalogs.gateway.connect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals credentials with AES-256-GCM: a fresh random 12-byte nonce for every sealing, the catalog
 * name as associated data (a credential opens only for the catalog it was sealed for), a 128-bit
 * tag. Seals with the current key; opens with whichever configured key sealed it (rotation).
 * Thread-safe.
 */
public final class CredentialCipher {

	static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private final SecureRandom random = new SecureRandom();

	private final String currentKeyId;

	private final Map<String, SecretKey> keys;

	private CredentialCipher(String currentKeyId, Map<String, SecretKey> keys) {
		this.currentKeyId = currentKeyId;
		this.keys = keys;
	}

	/**
	 * The cipher of {@code properties}; fails naming the key (never its value) when one is not a
	 * base64 256-bit key.
	 */
	public static CredentialCipher of(CredentialsProperties properties) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		properties.previousKeys().forEach((id, value) -> keys.put(id, key("catalogs.credentials.previous-keys." + id, value)));
		keys.put(properties.keyId(), key("catalogs.credentials.key", properties.key()));
		return new CredentialCipher(properties.keyId(), Map.copyOf(keys));
	}

	private static SecretKey key(String name, String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode((base64 != null) ? base64.trim() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(name + " is not base64 (generate one with: openssl rand -base64 32)");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(name + " must be a 256-bit key, 32 bytes in base64 (it has " + bytes.length
					+ " bytes; generate one with: openssl rand -base64 32)");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/** The id of the key new credentials are sealed with. */
	public String currentKeyId() {
		return this.currentKeyId;
	}

	/** {@code plaintext} sealed for {@code catalog} with the current key and a fresh nonce. */
	public SealedCredential seal(String catalog, byte[] plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(catalog.getBytes(StandardCharsets.UTF_8));
			return new SealedCredential(this.currentKeyId, nonce, cipher.doFinal(plaintext));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-GCM is not available in this JVM", ex);
		}
	}

	/**
	 * The plaintext of {@code sealed}, which must have been sealed for {@code catalog}.
	 * @throws CredentialDecryptionException when it was altered, sealed for another catalog, or
	 * with a key that is not configured
	 */
	public byte[] open(String catalog, SealedCredential sealed) {
		SecretKey key = this.keys.get(sealed.keyId());
		if (key == null) {
			throw new CredentialDecryptionException("The stored credentials of catalog '" + catalog + "' are sealed with "
					+ "key '" + sealed.keyId() + "', which is not configured (catalogs.credentials.key-id or "
					+ "previous-keys)", null);
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
			cipher.updateAAD(catalog.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(sealed.ciphertext());
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new CredentialDecryptionException("The stored credentials of catalog '" + catalog + "' do not "
					+ "decrypt with key '" + sealed.keyId() + "': they were altered or sealed for another catalog", null);
		}
	}
}
