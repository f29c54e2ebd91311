package io.catalogs.client.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * OAuth 2.0 with a refresh token (Salesforce, QuickBooks): trades the refresh token for an access
 * token on first use, again shortly before it expires ({@code refresh-skew}), and once when the
 * vendor answers 401 to it. Concurrent callers share one refresh. A rotated refresh token
 * (QuickBooks rotates them) replaces the old one in memory and is passed to the listener so it can
 * be persisted.
 * <p>
 * A token endpoint that refuses the refresh token (4xx) fails calls with
 * {@link UnauthorizedClientException} and marks the account {@link #refused()}; one that is down or
 * slow fails them as retriable. Without a refresh token (none configured, none restored, no code
 * exchanged yet) calls fail with {@link UnauthorizedClientException} without calling the endpoint.
 * <p>
 * A connected account: {@link #exchangeCode} trades an authorization code for a token set,
 * {@link #use} makes a token set current, {@link #restoreFrom} names where a token set persisted
 * earlier is read from before the first token request.
 */
public final class OAuth2RefreshAuth implements AuthStrategy {

	private static final Logger logger = LoggerFactory.getLogger(OAuth2RefreshAuth.class);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final String client;

	private final OAuth2Settings settings;

	private final Duration timeout;

	private final Clock clock;

	private final Consumer<OAuth2Token> listener;

	private final WebClient webClient = WebClient.create();

	private final AtomicReference<Mono<OAuth2Token>> current = new AtomicReference<>();

	private volatile String refreshToken;

	private volatile boolean refused;

	private volatile Mono<OAuth2Token> stored;

	private OAuth2RefreshAuth(String client, OAuth2Settings settings, Duration timeout, Clock clock,
			Consumer<OAuth2Token> listener) {
		this.client = client;
		this.settings = Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(settings.tokenUrl(), "token-url");
		this.timeout = timeout;
		this.clock = clock;
		this.listener = listener;
		this.refreshToken = settings.refreshToken();
	}

	/**
	 * A strategy for {@code client} (used in logs and errors).
	 *
	 * @param timeout how long one token request may take
	 * @param clock the clock expiry is judged by
	 * @param listener called with every new token (persist a rotated refresh token here); may be a no-op
	 */
	public static OAuth2RefreshAuth create(String client, OAuth2Settings settings, Duration timeout, Clock clock,
			Consumer<OAuth2Token> listener) {
		return new OAuth2RefreshAuth(client, settings, timeout, clock, listener);
	}

	@Override
	public Mono<String> authorization() {
		return Mono.defer(() -> {
			Mono<OAuth2Token> seen = this.current.get();
			if (seen == null) {
				return refresh(null);
			}
			return seen.flatMap((token) -> token.expiresWithin(this.settings.refreshSkew(), this.clock.instant())
					? refresh(seen) : Mono.just(token));
		}).map(OAuth2RefreshAuth::header);
	}

	@Override
	public Mono<String> renewAfterRejection(String rejected) {
		return Mono.defer(() -> {
			Mono<OAuth2Token> seen = this.current.get();
			if (seen == null) {
				return refresh(null);
			}
			// only the first caller rejected with this token refreshes; the others get its result
			return seen.flatMap((token) -> header(token).equals(rejected) ? refresh(seen) : Mono.just(token));
		}).map(OAuth2RefreshAuth::header);
	}

	/**
	 * Read the token set to start from in {@code stored} (lazily, on the first call that needs a
	 * token) instead of refreshing the configured refresh token; when it completes empty, the
	 * configured refresh token is used. A token set already in use is kept. When the token endpoint
	 * later refuses the refresh token, {@code stored} is read again and a different refresh token
	 * found there is tried once (another instance sharing the store rotated it).
	 */
	public void restoreFrom(Mono<OAuth2Token> stored) {
		this.stored = stored;
		Mono<OAuth2Token> restored = stored.doOnNext((token) -> {
			this.refreshToken = token.refreshToken();
			logger.info("{} restored a stored token set (access token valid until {})", this.client, token.expiresAt());
		})
			.switchIfEmpty(Mono.defer(this::requestToken))
			.cache((token) -> Duration.ofMillis(Long.MAX_VALUE), (error) -> Duration.ZERO, () -> Duration.ZERO);
		this.current.compareAndSet(null, restored);
	}

	/**
	 * Trade an OAuth 2.0 authorization code (the {@code code} the vendor's authorize page redirected
	 * to {@code redirectUri} with) for a token set at the token endpoint. The token set is returned,
	 * not used: pass it to {@link #use} once it is persisted. Fails with
	 * {@link UnauthorizedClientException} when the endpoint refuses the code (4xx), as retriable when
	 * it is down.
	 */
	public Mono<OAuth2Token> exchangeCode(String code, URI redirectUri) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "authorization_code");
		form.add("code", code);
		form.add("redirect_uri", redirectUri.toString());
		return post(form, "authorization code", null);
	}

	/** Use {@code token} (and its refresh token) from now on, such as one from {@link #exchangeCode}. */
	public void use(OAuth2Token token) {
		this.refreshToken = token.refreshToken();
		this.refused = false;
		this.current.set(Mono.just(token));
	}

	/** Whether the token endpoint refused the refresh token the last time it was presented. */
	public boolean refused() {
		return this.refused;
	}

	/** Whether a refresh token is held (configured, restored or from an exchanged code). */
	public boolean hasRefreshToken() {
		return this.refreshToken != null;
	}

	/** The token in use, if one was obtained (for tests and diagnostics). */
	public Mono<OAuth2Token> currentToken() {
		Mono<OAuth2Token> seen = this.current.get();
		return (seen != null) ? seen : Mono.empty();
	}

	private Mono<OAuth2Token> refresh(Mono<OAuth2Token> seen) {
		Mono<OAuth2Token> fresh = requestToken().cache((token) -> Duration.ofMillis(Long.MAX_VALUE),
				(error) -> Duration.ZERO, () -> Duration.ZERO);
		if (this.current.compareAndSet(seen, fresh)) {
			return fresh;
		}
		return this.current.get();
	}

	private Mono<OAuth2Token> requestToken() {
		String presented = this.refreshToken;
		if (presented == null) {
			return Mono.error(new UnauthorizedClientException(this.client, "token refresh (no account connected)", 0,
					"token-refresh"));
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "refresh_token");
		form.add("refresh_token", presented);
		return post(form, "token refresh", presented)
			.doOnError(UnauthorizedClientException.class, (ex) -> this.refused = true)
			.doOnNext((token) -> {
				this.refreshToken = token.refreshToken();
				this.refused = false;
				logger.info("{} obtained an access token valid until {}", this.client, token.expiresAt());
				this.listener.accept(token);
			})
			.onErrorResume(UnauthorizedClientException.class, (ex) -> retryWithStored(presented, ex));
	}

	private Mono<OAuth2Token> retryWithStored(String presented, UnauthorizedClientException refusal) {
		Mono<OAuth2Token> source = this.stored;
		if (source == null) {
			return Mono.error(refusal);
		}
		return source.onErrorResume((ex) -> Mono.empty())
			.filter((token) -> token.refreshToken() != null && !token.refreshToken().equals(presented))
			.switchIfEmpty(Mono.error(refusal))
			.flatMap((token) -> {
				logger.info("{} retries with the newer refresh token stored (rotated by another instance)", this.client);
				this.refreshToken = token.refreshToken();
				return requestToken();
			});
	}

	private Mono<OAuth2Token> post(MultiValueMap<String, String> form, String operation, String presented) {
		if (this.settings.clientAuthentication() == OAuth2Settings.ClientAuthentication.REQUEST_BODY) {
			form.add("client_id", this.settings.clientId());
			form.add("client_secret", this.settings.clientSecret());
		}
		return this.webClient.post()
			.uri(this.settings.tokenUrl())
			.headers((headers) -> {
				headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
				if (this.settings.clientAuthentication() != OAuth2Settings.ClientAuthentication.REQUEST_BODY) {
					headers.setBasicAuth(this.settings.clientId(), this.settings.clientSecret());
				}
			})
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchangeToMono((response) -> {
				int status = response.statusCode().value();
				if (status < 300) {
					return response.bodyToMono(JSON_OBJECT);
				}
				return response.bodyToMono(String.class).defaultIfEmpty("").flatMap((body) -> {
					logger.warn("{} token endpoint answered HTTP {} to the {}: {}", this.client, status, operation,
							body);
					return Mono.error((status >= 500 || status == 429)
							? new RetriableClientException(this.client, operation, status, "token-refresh", null, null)
							: new UnauthorizedClientException(this.client, operation, status, "token-refresh"));
				});
			})
			.timeout(this.timeout)
			.onErrorMap((ex) -> ex instanceof TimeoutException || ex instanceof WebClientRequestException,
					(ex) -> new RetriableClientException(this.client, operation, 0, "token-refresh", null, ex))
			.map((body) -> token(body, presented, operation));
	}

	private OAuth2Token token(Map<String, Object> body, String presented, String operation) {
		Object accessToken = body.get("access_token");
		if (!(accessToken instanceof String)) {
			throw new UnauthorizedClientException(this.client, operation, 200, "token-refresh");
		}
		Object expiresIn = body.get("expires_in");
		Duration lifetime = (expiresIn != null) ? Duration.ofSeconds(Long.parseLong(expiresIn.toString()))
				: this.settings.defaultLifetime();
		Object rotated = body.get("refresh_token");
		Object instanceUrl = body.get("instance_url");
		Instant now = this.clock.instant();
		return new OAuth2Token((String) accessToken, (rotated != null) ? rotated.toString() : presented,
				now.plus(lifetime), (instanceUrl != null) ? instanceUrl.toString() : null);
	}

	private static String header(OAuth2Token token) {
		return "Bearer " + token.accessToken();
	}
}
