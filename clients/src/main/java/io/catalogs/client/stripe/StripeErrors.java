package io.catalogs.client.stripe;

import io.catalogs.client.http.ErrorClassifier;

/**
 * Stripe's error classification: Stripe's {@code Stripe-Should-Retry} header, when present, decides
 * (it says {@code true} for a 409 on an idempotency key whose first request is still running, for
 * example); otherwise the HTTP conventions.
 */
final class StripeErrors {

	private StripeErrors() {
	}

	static ErrorClassifier classifier() {
		ErrorClassifier standard = ErrorClassifier.standard();
		return (status, headers, body) -> {
			ErrorClassifier.Outcome outcome = standard.classify(status, headers, body);
			String shouldRetry = headers.getFirst("Stripe-Should-Retry");
			if (shouldRetry == null || outcome == ErrorClassifier.Outcome.UNAUTHORIZED
					|| outcome == ErrorClassifier.Outcome.NOT_FOUND) {
				return outcome;
			}
			return Boolean.parseBoolean(shouldRetry) ? ErrorClassifier.Outcome.RETRIABLE
					: ErrorClassifier.Outcome.PERMANENT;
		};
	}
}
