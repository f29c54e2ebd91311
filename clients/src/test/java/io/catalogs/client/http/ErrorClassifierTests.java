package io.catalogs.client.http;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static io.catalogs.client.http.ErrorClassifier.Outcome.NOT_FOUND;
import static io.catalogs.client.http.ErrorClassifier.Outcome.PERMANENT;
import static io.catalogs.client.http.ErrorClassifier.Outcome.RETRIABLE;
import static io.catalogs.client.http.ErrorClassifier.Outcome.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTests {

	private final ErrorClassifier standard = ErrorClassifier.standard();

	@Test
	void retriesThrottlingTimeoutsAndServerErrorsOnly() {
		for (int status : new int[] { 408, 429, 500, 502, 503, 504 }) {
			assertThat(this.standard.classify(status, new HttpHeaders(), "")).as("%d", status).isEqualTo(RETRIABLE);
		}
		for (int status : new int[] { 400, 403, 409, 422, 501 }) {
			assertThat(this.standard.classify(status, new HttpHeaders(), "")).as("%d", status).isEqualTo(PERMANENT);
		}
		assertThat(this.standard.classify(404, new HttpHeaders(), "")).isEqualTo(NOT_FOUND);
		assertThat(this.standard.classify(401, new HttpHeaders(), "")).isEqualTo(UNAUTHORIZED);
	}
}
