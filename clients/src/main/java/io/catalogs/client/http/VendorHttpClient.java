package io.catalogs.client.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The shared plumbing under every vendor client: one WebClient per client, the auth strategy (with
 * one renewal and one repeat on a 401), and Resilience4j around every attempt: a rate limiter at the
 * vendor's limit, a circuit breaker per client (per catalog) and retries with exponential backoff,
 * jitter and {@code Retry-After}. Failures come out as {@link RetriableClientException} or
 * {@link PermanentClientException}; the vendor's error text is logged here with the correlation id
 * and never put in an exception.
 * <p>
 * Thread-safe; calls never block. A create is retried like any call, so vendor clients make creates
 * idempotent (an idempotency key, or a look-up by our id first) before sending them here.
 */
public final class VendorHttpClient {

	private static final Logger logger = LoggerFactory.getLogger(VendorHttpClient.class);

	private static final int MAX_LOGGED_BODY = 2000;

	private final String name;

	private final VendorConventions conventions;

	private final HttpSettings settings;

	private final AuthStrategy auth;

	private final WebClient webClient;

	private final RateLimiter rateLimiter;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private VendorHttpClient(String instance, VendorConventions conventions, HttpSettings settings, AuthStrategy auth) {
		this.name = conventions.vendor() + "/" + instance;
		this.conventions = conventions;
		this.settings = settings;
		this.auth = auth;
		this.webClient = webClient(settings);
		this.rateLimiter = RateLimiter.of(this.name, Resilience.rateLimiterConfig(settings.rateLimit()));
		this.circuitBreaker = CircuitBreaker.of(this.name, Resilience.circuitBreakerConfig(settings.circuitBreaker()));
		this.retry = Retry.of(this.name, Resilience.retryConfig(settings.retry()));
	}

	/**
	 * A client for one configured instance (one catalog) of a vendor.
	 *
	 * @param instance the instance name, usually the catalog name; the client is named
	 *        {@code vendor/instance} and so are its rate limiter, breaker and retry
	 */
	public static VendorHttpClient create(String instance, VendorConventions conventions, HttpSettings settings,
			AuthStrategy auth) {
		return new VendorHttpClient(instance, conventions, settings, auth);
	}

	/** {@code vendor/instance}. */
	public String name() {
		return this.name;
	}

	/**
	 * Sends {@code request} and reads the response body as {@code type}. Completes empty when the
	 * vendor answered 2xx without a body (204). Errors with a {@link ClientException}.
	 */
	public <T> Mono<T> exchange(VendorRequest request, Class<T> type) {
		return exchange(request, ParameterizedTypeReference.forType(type));
	}

	/** As {@link #exchange(VendorRequest, Class)}, for generic response types. */
	public <T> Mono<T> exchange(VendorRequest request, ParameterizedTypeReference<T> type) {
		return resilient(request.operation(), (correlationId) -> once(request, type, correlationId));
	}

	/**
	 * Creates an object at most once on a vendor without idempotency keys, by looking it up by our
	 * id (stored on the remote object, in a unique field) before creating it. Each attempt is
	 * {@code lookup} — its 2xx answer is the object; a 404 means absent — then, if absent,
	 * {@code create}; a 409 to the create (the object appeared meanwhile, or an earlier attempt
	 * whose answer was lost created it) is answered by looking up again. Retries repeat the whole
	 * attempt, never the create alone, so a create that timed out after the vendor committed is
	 * found by the next attempt's look-up instead of being sent twice.
	 *
	 * @param lookup reads the object by our id, 404 when absent
	 * @param create creates it
	 * @param type the response type of both
	 */
	public <T> Mono<T> lookupOrCreate(VendorRequest lookup, VendorRequest create, Class<T> type) {
		ParameterizedTypeReference<T> reference = ParameterizedTypeReference.forType(type);
		return resilient(create.operation(), (correlationId) -> {
			Mono<T> find = once(lookup, reference, correlationId)
				.onErrorResume(NotFoundClientException.class, (absent) -> Mono.empty());
			return find.switchIfEmpty(Mono.defer(() -> once(create, reference, correlationId)
				.onErrorResume((ex) -> ex instanceof PermanentClientException conflict && conflict.status() == 409,
						(conflict) -> find.switchIfEmpty(Mono.error(conflict)))));
		});
	}

	private <T> Mono<T> resilient(String operation, java.util.function.Function<String, Mono<T>> attempt) {
		return Mono.deferContextual((context) -> {
			String correlationId = CorrelationId.from(context);
			return Mono.defer(() -> attempt.apply(correlationId))
				.transformDeferred(RetryOperator.of(this.retry))
				.onErrorMap(CallNotPermittedException.class,
						(ex) -> new CircuitOpenClientException(this.name, operation, correlationId, ex))
				.onErrorMap(RequestNotPermitted.class,
						(ex) -> new RetriableClientException(this.name, operation, 0, correlationId, null, ex));
		});
	}

	/** One attempt through the rate limiter and the circuit breaker. */
	private <T> Mono<T> once(VendorRequest request, ParameterizedTypeReference<T> type, String correlationId) {
		return Mono.defer(() -> attempt(request, type, correlationId))
			.transformDeferred(RateLimiterOperator.of(this.rateLimiter))
			.transformDeferred(CircuitBreakerOperator.of(this.circuitBreaker));
	}

	/** Sends {@code request} and discards the response body; completes when the vendor answered 2xx. */
	public Mono<Void> exchange(VendorRequest request) {
		return exchange(request, byte[].class).then();
	}

	/** The current state of this client's circuit breaker and rate limiter. */
	public ClientHealth health() {
		CircuitBreaker.Metrics metrics = this.circuitBreaker.getMetrics();
		return new ClientHealth(this.name, this.circuitBreaker.getState().name(), metrics.getFailureRate(),
				metrics.getNumberOfBufferedCalls(), this.rateLimiter.getMetrics().getAvailablePermissions());
	}

	/** The circuit breaker, for metrics binding or an operator's manual transition. */
	public CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	/** The rate limiter, for metrics binding. */
	public RateLimiter rateLimiter() {
		return this.rateLimiter;
	}

	/** The retry, for metrics binding. */
	public Retry retry() {
		return this.retry;
	}

	private <T> Mono<T> attempt(VendorRequest request, ParameterizedTypeReference<T> type, String correlationId) {
		return this.auth.authorization()
			.flatMap((header) -> send(request, type, header, correlationId)
				.onErrorResume(UnauthorizedClientException.class, (rejected) -> this.auth.renewAfterRejection(header)
					.switchIfEmpty(Mono.error(rejected))
					.flatMap((renewed) -> send(request, type, renewed, correlationId))));
	}

	private <T> Mono<T> send(VendorRequest request, ParameterizedTypeReference<T> type, String authorization,
			String correlationId) {
		WebClient.RequestBodySpec spec = this.webClient.method(request.method())
			.uri(uri(request))
			.headers((headers) -> {
				this.conventions.defaultHeaders().forEach(headers::set);
				headers.addAll(request.headers());
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			});
		WebClient.RequestHeadersSpec<?> withBody = spec;
		if (request.body() instanceof MultiValueMap<?, ?> form) {
			@SuppressWarnings("unchecked")
			MultiValueMap<String, String> fields = (MultiValueMap<String, String>) form;
			withBody = spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(fields));
		}
		else if (request.body() != null) {
			withBody = spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.body());
		}
		return withBody.exchangeToMono((response) -> read(response, request, type, correlationId))
			.timeout(this.settings.timeout())
			.onErrorMap((ex) -> !(ex instanceof ClientException), (ex) -> translate(ex, request, correlationId));
	}

	private <T> Mono<T> read(ClientResponse response, VendorRequest request, ParameterizedTypeReference<T> type,
			String correlationId) {
		int status = response.statusCode().value();
		if (status < 300) {
			return response.bodyToMono(type);
		}
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap((body) -> Mono.error(failure(status, response.headers().asHttpHeaders(), body, request,
					correlationId)));
	}

	private ClientException failure(int status, HttpHeaders headers, String body, VendorRequest request,
			String correlationId) {
		ErrorClassifier.Outcome outcome = this.conventions.errors().classify(status, headers, body);
		String vendorRequestId = (this.conventions.requestIdHeader() != null)
				? headers.getFirst(this.conventions.requestIdHeader()) : null;
		if (outcome == ErrorClassifier.Outcome.NOT_FOUND) {
			// a miss is an ordinary answer for reads and idempotent deletes
			logger.debug("{} {} answered HTTP 404, correlation id {}, vendor request id {}: {}", this.name,
					request.operation(), correlationId, vendorRequestId, abbreviate(body));
		}
		else {
			logger.warn("{} {} answered HTTP {} ({}), correlation id {}, vendor request id {}: {}", this.name,
					request.operation(), status, outcome, correlationId, vendorRequestId, abbreviate(body));
		}
		String operation = request.operation();
		return switch (outcome) {
			case RETRIABLE -> new RetriableClientException(this.name, operation, status, correlationId,
					RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER)), null);
			case NOT_FOUND -> new NotFoundClientException(this.name, operation, correlationId);
			case UNAUTHORIZED -> new UnauthorizedClientException(this.name, operation, status, correlationId);
			case PERMANENT -> new PermanentClientException(this.name, operation, status, correlationId, null);
		};
	}

	private ClientException translate(Throwable ex, VendorRequest request, String correlationId) {
		if (ex instanceof TimeoutException || ex instanceof WebClientRequestException) {
			logger.warn("{} {} got no response, correlation id {}: {}", this.name, request.operation(), correlationId,
					ex.toString());
			return new RetriableClientException(this.name, request.operation(), 0, correlationId, null, ex);
		}
		if (ex instanceof CodecException) {
			logger.warn("{} {} answered a body we cannot read, correlation id {}", this.name, request.operation(),
					correlationId, ex);
			return new PermanentClientException(this.name, request.operation(), 0, correlationId, ex);
		}
		logger.warn("{} {} failed, correlation id {}", this.name, request.operation(), correlationId, ex);
		return new RetriableClientException(this.name, request.operation(), 0, correlationId, null, ex);
	}

	private URI uri(VendorRequest request) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(this.settings.baseUrl())
			.path(request.path());
		for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
			for (String value : parameter.getValue()) {
				// '+' is legal in a query but read as a space by form decoders: always escape it
				builder.queryParam(UriUtils.encodeQueryParam(parameter.getKey(), StandardCharsets.UTF_8),
						UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B"));
			}
		}
		return builder.build(true).toUri();
	}

	private static String abbreviate(String body) {
		return (body.length() <= MAX_LOGGED_BODY) ? body : body.substring(0, MAX_LOGGED_BODY) + "...";
	}

	private static WebClient webClient(HttpSettings settings) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			.responseTimeout(settings.timeout().plus(Duration.ofSeconds(1)));
		return WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs((codecs) -> {
				codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(JsonMappers.vendor()));
				codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(JsonMappers.vendor()));
				codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024);
			})
			.build();
	}
}
