package io.catalogs.client.http;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OAuth2SettingsTests {

	@Test
	void printsNeitherTheClientSecretNorTheRefreshToken() {
		OAuth2Settings settings = new OAuth2Settings(URI.create("https://login.example.com/token"), "client-1",
				"secret-canary", "refresh-canary", null, null, null);

		assertThat(settings.toString()).contains("client-1", "(set)").doesNotContain("secret-canary", "refresh-canary");
	}

	@Test
	void mayHaveNoRefreshTokenUntilAnAccountIsConnected() {
		OAuth2Settings settings = new OAuth2Settings(null, "client-1", "secret", null, null, null, null)
			.withDefaults(URI.create("https://login.example.com/token"), OAuth2Settings.ClientAuthentication.BASIC);

		assertThat(settings.refreshToken()).isNull();
		assertThat(settings.toString()).contains("(none)");
	}
}
