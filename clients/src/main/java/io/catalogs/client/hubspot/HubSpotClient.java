package io.catalogs.client.hubspot;

import io.catalogs.client.http.AuthStrategy;
import io.catalogs.client.http.ClientHealth;
import io.catalogs.client.http.VendorConventions;
import io.catalogs.client.http.VendorHttpClient;

/**
 * The HubSpot CRM client of one catalog: {@link #contacts()} (the gateway's customers).
 * Authenticates with a private app's access token. HubSpot has no idempotency keys: creates look
 * the contact up by our id, held in a unique custom property, before creating it. Thread-safe;
 * create one per configured catalog.
 */
public final class HubSpotClient {

	private final VendorHttpClient http;

	private final HubSpotContacts contacts;

	private HubSpotClient(VendorHttpClient http, HubSpotSettings settings) {
		this.http = http;
		this.contacts = new HubSpotContacts(http, settings);
	}

	/** A client named {@code hubspot/<instance>} (use the catalog name). */
	public static HubSpotClient create(String instance, HubSpotSettings settings) {
		VendorConventions conventions = VendorConventions.of("hubspot", "X-HubSpot-Correlation-Id");
		return new HubSpotClient(VendorHttpClient.create(instance, conventions, settings.http(),
				AuthStrategy.bearer(settings.accessToken())), settings);
	}

	/** Contacts: {@code /crm/v3/objects/contacts}. */
	public HubSpotContacts contacts() {
		return this.contacts;
	}

	/** The circuit breaker and rate limiter state of this client. */
	public ClientHealth health() {
		return this.http.health();
	}

	/** The underlying plumbing, for metrics binding. */
	public VendorHttpClient http() {
		return this.http;
	}
}
