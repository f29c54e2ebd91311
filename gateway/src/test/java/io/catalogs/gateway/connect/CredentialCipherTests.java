package io.catalogs.gateway.connect;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialCipherTests {

	static final String KEY = newKey();

	static final String SECRET = "refresh-canary-7f3a";

	private final CredentialCipher cipher = CredentialCipher.of(new CredentialsProperties(KEY, "k1", null, null));

	@Test
	void opensWhatItSealedForTheSameCatalog() {
		SealedCredential sealed = this.cipher.seal("crm", bytes(SECRET));

		assertThat(sealed.keyId()).isEqualTo("k1");
		assertThat(sealed.nonce()).hasSize(12);
		// ciphertext plus the 16-byte tag, and nothing of the plaintext in it
		assertThat(sealed.ciphertext()).hasSize(SECRET.length() + 16);
		assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
		assertThat(new String(this.cipher.open("crm", sealed), StandardCharsets.UTF_8)).isEqualTo(SECRET);
	}

	@Test
	void usesAFreshNonceEveryTime() {
		SealedCredential first = this.cipher.seal("crm", bytes(SECRET));
		SealedCredential second = this.cipher.seal("crm", bytes(SECRET));

		assertThat(first.nonce()).isNotEqualTo(second.nonce());
		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
	}

	@Test
	void refusesATamperedCiphertextNonceOrTag() {
		SealedCredential sealed = this.cipher.seal("crm", bytes(SECRET));
		byte[] ciphertext = sealed.ciphertext().clone();
		ciphertext[0] ^= 1;
		byte[] nonce = sealed.nonce().clone();
		nonce[11] ^= 1;
		byte[] tag = sealed.ciphertext().clone();
		tag[tag.length - 1] ^= 1;

		for (SealedCredential tampered : new SealedCredential[] { new SealedCredential("k1", sealed.nonce(), ciphertext),
				new SealedCredential("k1", nonce, sealed.ciphertext()), new SealedCredential("k1", sealed.nonce(), tag) }) {
			assertThatExceptionOfType(CredentialDecryptionException.class).isThrownBy(() -> this.cipher.open("crm", tampered))
				.withMessageContaining("catalog 'crm'")
				.withMessageContaining("altered")
				.withMessageNotContaining(SECRET)
				.withMessageNotContaining(KEY);
		}
	}

	@Test
	void refusesACredentialSealedForAnotherCatalog() {
		SealedCredential sealed = this.cipher.seal("crm", bytes(SECRET));

		assertThatExceptionOfType(CredentialDecryptionException.class).isThrownBy(() -> this.cipher.open("books", sealed))
			.withMessageContaining("catalog 'books'")
			.withMessageContaining("another catalog");
	}

	@Test
	void refusesAKeyThatIsNotConfigured() {
		SealedCredential sealed = this.cipher.seal("crm", bytes(SECRET));
		CredentialCipher other = CredentialCipher.of(new CredentialsProperties(newKey(), "k2", null, null));

		assertThatExceptionOfType(CredentialDecryptionException.class).isThrownBy(() -> other.open("crm", sealed))
			.withMessageContaining("key 'k1', which is not configured");
	}

	@Test
	void opensWithAPreviousKeyAndSealsWithTheCurrentOne() {
		SealedCredential old = this.cipher.seal("crm", bytes(SECRET));
		CredentialCipher rotated = CredentialCipher.of(new CredentialsProperties(newKey(), "k2", Map.of("k1", KEY), null));

		SealedCredential resealed = rotated.seal("crm", rotated.open("crm", old));

		assertThat(resealed.keyId()).isEqualTo("k2");
		assertThat(new String(rotated.open("crm", resealed), StandardCharsets.UTF_8)).isEqualTo(SECRET);
		assertThatExceptionOfType(CredentialDecryptionException.class).isThrownBy(() -> this.cipher.open("crm", resealed));
	}

	@Test
	void rejectsAKeyThatIsNot256BitsWithoutEchoingIt() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException()
			.isThrownBy(() -> CredentialCipher.of(new CredentialsProperties(shortKey, "k1", null, null)))
			.withMessageContaining("catalogs.credentials.key must be a 256-bit key")
			.withMessageNotContaining(shortKey);
		assertThatIllegalStateException()
			.isThrownBy(() -> CredentialCipher.of(new CredentialsProperties("not base64!", "k1", null, null)))
			.withMessageContaining("catalogs.credentials.key is not base64")
			.withMessageNotContaining("not base64!");
	}

	@Test
	void propertiesNeverPrintTheirKeys() {
		CredentialsProperties properties = new CredentialsProperties(KEY, "k2", Map.of("k1", KEY), null);

		assertThat(properties.toString()).contains("k2", "k1").doesNotContain(KEY);
	}

	static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
