package io.catalogs.client.http;

import org.springframework.http.HttpHeaders;

/**
 * Decides what a vendor's non-2xx answer means for the caller. {@link #standard()} covers the
 * HTTP conventions; a vendor with its own signals (Stripe's {@code Stripe-Should-Retry}) wraps it.
 */
@FunctionalInterface
public interface ErrorClassifier {

	/** What the caller should do about a failed response. */
	enum Outcome {
		/** Try again later (429, 408, 5xx but 501). */
		RETRIABLE,
		/** Do not repeat (other 4xx). */
		PERMANENT,
		/** The named object does not exist (404). */
		NOT_FOUND,
		/** Credentials refused (401): renew them once, then fail. */
		UNAUTHORIZED
	}

	/**
	 * Classifies one failed response.
	 *
	 * @param status the HTTP status, 300 or more
	 * @param headers the response headers
	 * @param body the response body as text (empty when there was none)
	 */
	Outcome classify(int status, HttpHeaders headers, String body);

	/** The HTTP conventions: 401, 404, then 408/429/5xx retriable, the rest permanent. */
	static ErrorClassifier standard() {
		return (status, headers, body) -> {
			if (status == 401) {
				return Outcome.UNAUTHORIZED;
			}
			if (status == 404) {
				return Outcome.NOT_FOUND;
			}
			if (status == 408 || status == 429 || (status >= 500 && status != 501)) {
				return Outcome.RETRIABLE;
			}
			return Outcome.PERMANENT;
		};
	}
}
