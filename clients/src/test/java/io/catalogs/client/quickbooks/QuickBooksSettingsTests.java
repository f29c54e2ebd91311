package io.catalogs.client.quickbooks;

import java.time.Duration;

import io.catalogs.client.http.ErrorClassifier;
import io.catalogs.client.http.OAuth2Settings;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class QuickBooksSettingsTests {

	@Test
	void defaultsToIntuitsEndpointsAndLimits() {
		QuickBooksSettings settings = new QuickBooksSettings(null, "123", null, null,
				new OAuth2Settings(null, "id", "secret", "refresh", null, null, null), null, null, null, null, null);
		assertThat(settings.rateLimit().limitForPeriod()).isEqualTo(500);
		assertThat(settings.rateLimit().period()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.oauth().tokenUrl()).isEqualTo(QuickBooksSettings.TOKEN_URL);
		assertThat(settings.oauth().clientAuthentication()).isEqualTo(OAuth2Settings.ClientAuthentication.BASIC);
		assertThat(settings.minorVersion()).isEqualTo(75);
	}

	@Test
	void objectNotFoundFaultsAreMissesNotBadInput() {
		ErrorClassifier classifier = QuickBooksErrors.classifier();
		assertThat(classifier.classify(400, new HttpHeaders(), "{\"Fault\":{\"Error\":[{\"code\": \"610\"}]}}"))
			.isEqualTo(ErrorClassifier.Outcome.NOT_FOUND);
		assertThat(classifier.classify(400, new HttpHeaders(), "{\"Fault\":{\"Error\":[{\"code\":\"6240\"}]}}"))
			.isEqualTo(ErrorClassifier.Outcome.PERMANENT);
	}
}
