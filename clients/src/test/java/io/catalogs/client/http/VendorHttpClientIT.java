package io.catalogs.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.catalogs.client.fake.FakeExchange;
import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeResponse;
import io.catalogs.client.fake.FakeVendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared plumbing against a minimal local server: rate limiting, encoding, auth failures, correlation ids. */
class VendorHttpClientIT {

	private static final FakeHttpServer SERVER = FakeHttpServer.start(new EchoVendor(), null);

	@AfterAll
	static void stop() {
		SERVER.close();
	}

	@BeforeEach
	void reset() {
		SERVER.reset();
	}

	@Test
	void callsOverTheRateLimitWaitForTheNextPeriod() {
		VendorHttpClient client = client("limited", RateLimitSettings.of(4, Duration.ofMillis(500)), AuthStrategy.bearer("t"));
		long started = System.nanoTime();
		StepVerifier.create(Flux.range(0, 12).flatMap((i) -> client.exchange(VendorRequest.get("/echo"), Map.class), 12))
			.expectNextCount(12)
			.verifyComplete();
		long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
		// 12 calls at 4 per period need three periods: the last four start when the third begins,
		// at least one whole period after the calls were made
		assertThat(elapsedMillis).isGreaterThanOrEqualTo(500);
		assertThat(SERVER.received()).hasSize(12);
		assertThat(client.health().availablePermits()).isLessThanOrEqualTo(4);
	}

	@Test
	void encodesQueryValuesSoTheyArriveIntact() {
		VendorHttpClient client = client("encoding", TestSettings.rateLimit(), AuthStrategy.bearer("t"));
		String value = "a+b@example.com & 'x'=\"y\" 100%";
		client.exchange(VendorRequest.get("/echo").withQuery("q", value).withQuery("skipped", null), Map.class).block();
		assertThat(SERVER.received().get(0).queryParam("q")).isEqualTo(value);
		assertThat(SERVER.received().get(0).query()).doesNotContainKey("skipped");
	}

	@Test
	void refusedStaticCredentialsFailAsUnauthorizedWithoutRetrying() {
		VendorHttpClient client = client("refused", TestSettings.rateLimit(), AuthStrategy.bearer("wrong"));
		StepVerifier.create(client.exchange(VendorRequest.get("/secure"), Map.class).contextWrite(CorrelationId.of("corr-401")))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(UnauthorizedClientException.class);
				assertThat(((ClientException) error).correlationId()).isEqualTo("corr-401");
				assertThat(error.getMessage()).contains("test/refused", "GET /secure", "HTTP 401", "corr-401");
			})
			.verify();
		assertThat(SERVER.received()).hasSize(1);
	}

	@Test
	void aPermanentFailureDoesNotCountAgainstTheCircuit() {
		VendorHttpClient client = client("permanent", TestSettings.rateLimit(), AuthStrategy.bearer("t"));
		for (int i = 0; i < 12; i++) {
			StepVerifier.create(client.exchange(VendorRequest.get("/bad"), Map.class)).expectError(PermanentClientException.class).verify();
		}
		assertThat(client.health().circuitState()).isEqualTo("CLOSED");
		assertThat(client.health().bufferedCalls()).isZero();
	}

	private static VendorHttpClient client(String name, RateLimitSettings rateLimit, AuthStrategy auth) {
		URI base = SERVER.baseUrl();
		return VendorHttpClient.create(name, VendorConventions.of("test", null),
				new HttpSettings(base, Duration.ofSeconds(2), Duration.ofSeconds(5), rateLimit, TestSettings.retry(),
						TestSettings.sensitiveBreaker()), auth);
	}

	/** Answers {@code /echo} with 200, {@code /secure} with 401 unless the token is {@code t}, {@code /bad} with 400. */
	static final class EchoVendor implements FakeVendor {

		@Override
		public FakeResponse handle(FakeExchange request) {
			if (request.path().equals("/bad")) {
				return FakeResponse.json(400, Map.of("message", "bad"));
			}
			if (request.path().equals("/secure") && !"Bearer t".equals(request.headers().getFirst("Authorization"))) {
				return FakeResponse.json(401, Map.of("message", "who are you"));
			}
			return FakeResponse.json(200, Map.of("ok", true));
		}

		@Override
		public FakeResponse error(int status, String message) {
			return FakeResponse.json(status, Map.of("message", message));
		}

		@Override
		public void reset() {
		}
	}
}
