package io.catalogs.client.fake;

import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2.0 token endpoint's state for the fake vendors: issues access tokens for a refresh
 * token (optionally rotating it, as Intuit does) or for an authorization code issued with
 * {@link #issueCode} (once, for the same {@code redirect_uri}), checks bearer tokens, and expires
 * them on demand.
 */
public final class FakeTokens {

	private final String clientId;

	private final String clientSecret;

	private final boolean basicAuth;

	private final boolean rotate;

	private final Set<String> valid = new HashSet<>();

	private final AtomicInteger refreshes = new AtomicInteger();

	private final Map<String, String[]> codes = new LinkedHashMap<>();

	private volatile String refreshToken;

	private volatile Long expiresIn;

	public FakeTokens(String clientId, String clientSecret, String refreshToken, boolean basicAuth, boolean rotate) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.refreshToken = refreshToken;
		this.basicAuth = basicAuth;
		this.rotate = rotate;
	}

	/** Answers a refresh-token or authorization-code grant; {@code extra} fields are added to a successful answer. */
	public synchronized FakeResponse grant(FakeExchange request, Map<String, Object> extra) {
		Map<String, Object> form = FormBodies.parse(request.body());
		boolean clientOk = this.basicAuth
				? ("Basic " + Base64.getEncoder().encodeToString((this.clientId + ":" + this.clientSecret).getBytes()))
					.equals(request.headers().getFirst("Authorization"))
				: this.clientId.equals(form.get("client_id")) && this.clientSecret.equals(form.get("client_secret"));
		if (!clientOk) {
			return FakeResponse.json(401, Map.of("error", "invalid_client", "error_description", "invalid client credentials"));
		}
		if ("authorization_code".equals(form.get("grant_type"))) {
			String[] issued = this.codes.remove(String.valueOf(form.get("code")));
			if (issued == null || !issued[0].equals(form.get("redirect_uri"))) {
				return FakeResponse.json(400, Map.of("error", "invalid_grant", "error_description", "invalid authorization code"));
			}
			this.refreshToken = issued[1];
			return answer(extra, true);
		}
		if (!"refresh_token".equals(form.get("grant_type")) || this.refreshToken == null
				|| !this.refreshToken.equals(form.get("refresh_token"))) {
			return FakeResponse.json(400, Map.of("error", "invalid_grant", "error_description", "expired access/refresh token"));
		}
		this.refreshes.incrementAndGet();
		if (this.rotate) {
			this.refreshToken = "rt-" + UUID.randomUUID();
		}
		return answer(extra, this.rotate);
	}

	/**
	 * Accept {@code code} once, from a client that names {@code redirectUri}, answering with a new
	 * access token and {@code refreshToken} (which then replaces the refresh token this endpoint accepts).
	 */
	public synchronized void issueCode(String code, String redirectUri, String refreshToken) {
		this.codes.put(code, new String[] { redirectUri, refreshToken });
	}

	private FakeResponse answer(Map<String, Object> extra, boolean withRefreshToken) {
		String accessToken = "at-" + UUID.randomUUID();
		this.valid.add(accessToken);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", accessToken);
		answer.put("token_type", "Bearer");
		if (this.expiresIn != null) {
			answer.put("expires_in", this.expiresIn);
		}
		if (withRefreshToken) {
			answer.put("refresh_token", this.refreshToken);
		}
		answer.putAll(extra);
		return FakeResponse.json(200, answer);
	}

	/** Whether the request carries a bearer token this endpoint issued and has not expired. */
	public synchronized boolean authorized(FakeExchange request) {
		String header = request.headers().getFirst("Authorization");
		return header != null && header.startsWith("Bearer ") && this.valid.contains(header.substring(7));
	}

	/** Expires every token issued so far (as a session timeout would). */
	public synchronized void expireAll() {
		this.valid.clear();
	}

	/** The lifetime announced as {@code expires_in}, or {@code null} to announce none (Salesforce). */
	public void expiresIn(Long seconds) {
		this.expiresIn = seconds;
	}

	public int refreshes() {
		return this.refreshes.get();
	}

	public String currentRefreshToken() {
		return this.refreshToken;
	}

	public synchronized void reset(String refreshToken) {
		this.valid.clear();
		this.codes.clear();
		this.refreshes.set(0);
		this.refreshToken = refreshToken;
		this.expiresIn = null;
	}
}
