package io.catalogs.gateway.api;

import io.catalogs.client.fake.FakeQuickBooks;
import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.client.fake.FakeServers;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application context of the API-catalog end-to-end tests, shared by every test class that
 * extends this one (one context per test JVM): the embedded stack as primary and secondaries plus a
 * Stripe-, HubSpot-, Salesforce- and QuickBooks-compatible catalog against the fake vendor servers
 * of catalog-api's test jar (Salesforce and QuickBooks hold invoices too); the Stripe catalog takes
 * webhooks signed with {@link #WEBHOOK_SECRET} or {@link #OLD_WEBHOOK_SECRET} (rotation), the HubSpot
 * catalog webhooks signed with {@link #HUBSPOT_CLIENT_SECRET}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "catalogs.embedded.enabled=true", "catalogs.embedded.seed=false",
				"catalogs.control-store.schema=api_it", "catalogs.sync.topics.changes=api-it-catalog-changes",
				"catalogs.sync.topics.status=api-it-catalog-sync-status",
				"catalogs.sync.topics.dead-letters=api-it-catalog-changes-dlt",
				"catalogs.sync.consumer.group-prefix=api-it-catalog-sync-",
				"catalogs.instances.stripe.kind=stripe", "catalogs.instances.stripe.entity-types=customer,invoice",
				"catalogs.instances.stripe.api-key=" + FakeServers.STRIPE_KEY,
				"catalogs.instances.stripe.webhook-secret=" + ApiCatalogsITSupport.OLD_WEBHOOK_SECRET + ", " + ApiCatalogsITSupport.WEBHOOK_SECRET,
				"catalogs.instances.stripe.rate-limit.limit-for-period=1000", "catalogs.instances.stripe.rate-limit.period=1s",
				"catalogs.instances.hubspot.kind=hubspot", "catalogs.instances.hubspot.entity-types=customer",
				"catalogs.instances.hubspot.access-token=" + FakeServers.HUBSPOT_TOKEN,
				"catalogs.instances.hubspot.webhook-secret=" + ApiCatalogsITSupport.HUBSPOT_CLIENT_SECRET,
				"catalogs.instances.salesforce.kind=salesforce", "catalogs.instances.salesforce.entity-types=customer,invoice",
				"catalogs.instances.salesforce.oauth.client-id=" + FakeSalesforce.CLIENT_ID,
				"catalogs.instances.salesforce.oauth.client-secret=" + FakeSalesforce.CLIENT_SECRET,
				"catalogs.instances.salesforce.oauth.refresh-token=" + FakeSalesforce.REFRESH_TOKEN,
				"catalogs.instances.quickbooks.kind=quickbooks", "catalogs.instances.quickbooks.entity-types=customer,invoice",
				"catalogs.instances.quickbooks.realm-id=" + FakeQuickBooks.REALM,
				"catalogs.instances.quickbooks.oauth.client-id=" + FakeQuickBooks.CLIENT_ID,
				"catalogs.instances.quickbooks.oauth.client-secret=" + FakeQuickBooks.CLIENT_SECRET })
@AutoConfigureHttpGraphQlTester
public abstract class ApiCatalogsITSupport {

	/** The current signing secret of the Stripe catalog's webhooks. */
	public static final String WEBHOOK_SECRET = "whsec_catalogs_it";

	/** The previous signing secret, still accepted. */
	public static final String OLD_WEBHOOK_SECRET = "whsec_catalogs_it_old";

	/** The client secret of the HubSpot app whose webhooks the HubSpot catalog takes. */
	public static final String HUBSPOT_CLIENT_SECRET = "hubspot-app-secret-catalogs-it";

	@DynamicPropertySource
	static void vendorServers(DynamicPropertyRegistry properties) {
		properties.add("catalogs.instances.stripe.base-url", () -> FakeServers.stripe().baseUrl().toString());
		properties.add("catalogs.instances.hubspot.base-url", () -> FakeServers.hubspot().baseUrl().toString());
		properties.add("catalogs.instances.salesforce.instance-url", () -> FakeServers.salesforce().baseUrl().toString());
		properties.add("catalogs.instances.salesforce.oauth.token-url",
				() -> FakeServers.salesforce().baseUrl() + "/services/oauth2/token");
		properties.add("catalogs.instances.quickbooks.base-url", () -> FakeServers.quickbooks().baseUrl().toString());
		properties.add("catalogs.instances.quickbooks.oauth.token-url",
				() -> FakeServers.quickbooks().baseUrl() + "/oauth2/v1/tokens/bearer");
		// Intuit rotates refresh tokens: start from the one the fake holds now
		properties.add("catalogs.instances.quickbooks.oauth.refresh-token",
				() -> FakeServers.quickbooksVendor().tokens().currentRefreshToken());
	}

}
