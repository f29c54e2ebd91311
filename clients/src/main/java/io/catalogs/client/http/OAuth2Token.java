package io.catalogs.client.http;

import java.time.Duration;
import java.time.Instant;

/**
 * One access token from a token endpoint, with what came along: the (possibly rotated) refresh
 * token and, from Salesforce, the instance URL.
 *
 * @param accessToken the bearer token
 * @param refreshToken the refresh token to use next (QuickBooks rotates it; persist it through
 *        {@link OAuth2RefreshAuth}'s listener)
 * @param expiresAt when the access token stops working
 * @param instanceUrl Salesforce's {@code instance_url}, or {@code null}
 */
public record OAuth2Token(String accessToken, String refreshToken, Instant expiresAt, String instanceUrl) {

	/** Whether the token expires within {@code skew} of {@code now} (or already has). */
	public boolean expiresWithin(Duration skew, Instant now) {
		return !now.plus(skew).isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "OAuth2Token[expiresAt=" + this.expiresAt + ", instanceUrl=" + this.instanceUrl + "]";
	}
}
