package io.catalogs.gateway.connect;

/**
 * A credential as the control store holds it: sealed by {@link CredentialCipher} with the key
 * {@code keyId}, under a nonce used once.
 *
 * @param keyId the id of the key that sealed it
 * @param nonce the 12-byte AES-GCM nonce
 * @param ciphertext the ciphertext followed by the 128-bit authentication tag
 */
public record SealedCredential(String keyId, byte[] nonce, byte[] ciphertext) {

	@Override
	public String toString() {
		return "SealedCredential[keyId=" + this.keyId + ", " + this.ciphertext.length + " bytes]";
	}
}
