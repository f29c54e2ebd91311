package io.catalogs.client.salesforce;

import java.net.URI;

import io.catalogs.client.http.OAuth2Settings;
import io.catalogs.client.hubspot.HubSpotSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceSettingsTests {

	@Test
	void defaultsToTheLoginEndpointWithCredentialsInTheBody() {
		SalesforceSettings settings = new SalesforceSettings(URI.create("https://acme.my.salesforce.com"), null,
				new OAuth2Settings(null, "id", "secret", "refresh", null, null, null), null, null, null, null, null);
		assertThat(settings.oauth().tokenUrl()).isEqualTo(SalesforceSettings.TOKEN_URL);
		assertThat(settings.oauth().clientAuthentication()).isEqualTo(OAuth2Settings.ClientAuthentication.REQUEST_BODY);
		assertThat(settings.apiVersion()).isEqualTo("v60.0");
		assertThat(settings.rateLimit().limitForPeriod()).isEqualTo(25);
	}

	@Test
	void hubSpotDefaultsToThePrivateAppBurstLimit() {
		HubSpotSettings settings = HubSpotSettings.of(null, "pat");
		assertThat(settings.rateLimit().limitForPeriod()).isEqualTo(100);
		assertThat(settings.rateLimit().period()).hasSeconds(10);
		assertThat(settings.properties()).contains("catalogs_gateway_id", "email");
	}
}
