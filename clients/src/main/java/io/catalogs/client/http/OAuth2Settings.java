package io.catalogs.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An OAuth 2.0 client holding a refresh token (Salesforce, QuickBooks): where and how to trade the
 * refresh token for access tokens.
 *
 * @param tokenUrl the token endpoint (the vendor's when {@code null})
 * @param clientId the connected app's / app's client id
 * @param clientSecret its secret
 * @param refreshToken the refresh token obtained once by the authorization-code flow; may be
 *        {@code null} when the account is connected later ({@link OAuth2RefreshAuth#exchangeCode}) or
 *        its tokens are restored from a store ({@link OAuth2RefreshAuth#restoreFrom})
 * @param clientAuthentication how the client proves itself to the token endpoint (the vendor's way
 *        when {@code null})
 * @param refreshSkew refresh this long before the access token expires (default 60 s)
 * @param defaultLifetime lifetime assumed when the token response has no {@code expires_in}
 *        (Salesforce sends none; its session timeout is set per org, 2 h by default) (default 30 min)
 */
public record OAuth2Settings(URI tokenUrl, String clientId, String clientSecret, String refreshToken,
		ClientAuthentication clientAuthentication, Duration refreshSkew, Duration defaultLifetime) {

	/** How the client id and secret reach the token endpoint. */
	public enum ClientAuthentication {
		/** HTTP Basic {@code client_id:client_secret} (Intuit). */
		BASIC,
		/** {@code client_id} and {@code client_secret} form fields (Salesforce). */
		REQUEST_BODY
	}

	public OAuth2Settings {
		Objects.requireNonNull(clientId, "client-id");
		Objects.requireNonNull(clientSecret, "client-secret");
		refreshSkew = (refreshSkew != null) ? refreshSkew : Duration.ofSeconds(60);
		defaultLifetime = (defaultLifetime != null) ? defaultLifetime : Duration.ofMinutes(30);
	}

	@Override
	public String toString() {
		// never the client secret or the refresh token
		return "OAuth2Settings[tokenUrl=" + this.tokenUrl + ", clientId=" + this.clientId + ", clientAuthentication="
				+ this.clientAuthentication + ", refreshToken=" + ((this.refreshToken != null) ? "(set)" : "(none)")
				+ ", refreshSkew=" + this.refreshSkew + ", defaultLifetime=" + this.defaultLifetime + "]";
	}

	/** These settings with the vendor's token endpoint and client authentication where none was configured. */
	public OAuth2Settings withDefaults(URI vendorTokenUrl, ClientAuthentication vendorAuthentication) {
		return new OAuth2Settings((this.tokenUrl != null) ? this.tokenUrl : vendorTokenUrl, this.clientId,
				this.clientSecret, this.refreshToken,
				(this.clientAuthentication != null) ? this.clientAuthentication : vendorAuthentication, this.refreshSkew,
				this.defaultLifetime);
	}
}
