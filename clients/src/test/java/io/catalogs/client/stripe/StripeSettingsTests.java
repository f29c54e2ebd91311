package io.catalogs.client.stripe;

import java.net.URI;
import java.time.Duration;

import io.catalogs.client.http.ErrorClassifier;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class StripeSettingsTests {

	@Test
	void defaultsToStripesDocumentedRateLimitForTheKeysMode() {
		StripeSettings test = StripeSettings.of(null, "sk_test_123");
		assertThat(test.rateLimit().limitForPeriod()).isEqualTo(25);
		assertThat(test.rateLimit().period()).isEqualTo(Duration.ofSeconds(1));
		assertThat(StripeSettings.of(null, "sk_live_123").rateLimit().limitForPeriod()).isEqualTo(100);
		assertThat(test.baseUrl()).isEqualTo(URI.create("https://api.stripe.com"));
		assertThat(test.apiVersion()).isEqualTo("2023-08-16");
	}

	@Test
	void stripeShouldRetryDecidesWhenPresent() {
		ErrorClassifier classifier = StripeErrors.classifier();
		HttpHeaders retry = new HttpHeaders();
		retry.set("Stripe-Should-Retry", "true");
		HttpHeaders noRetry = new HttpHeaders();
		noRetry.set("Stripe-Should-Retry", "false");
		assertThat(classifier.classify(409, retry, "")).isEqualTo(ErrorClassifier.Outcome.RETRIABLE);
		assertThat(classifier.classify(500, noRetry, "")).isEqualTo(ErrorClassifier.Outcome.PERMANENT);
		assertThat(classifier.classify(409, new HttpHeaders(), "")).isEqualTo(ErrorClassifier.Outcome.PERMANENT);
		assertThat(classifier.classify(404, retry, "")).isEqualTo(ErrorClassifier.Outcome.NOT_FOUND);
	}

	@Test
	void formEncodesNestedMetadataInKeyOrder() {
		assertThat(new StripeCustomerParams("Ann", null, "", java.util.Map.of("b", "2", "a", "1")).form())
			.containsExactly(java.util.Map.entry("name", java.util.List.of("Ann")), java.util.Map.entry("phone", java.util.List.of("")),
					java.util.Map.entry("metadata[a]", java.util.List.of("1")), java.util.Map.entry("metadata[b]", java.util.List.of("2")));
	}
}
