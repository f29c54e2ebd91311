package io.catalogs.api.fake;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeHubSpot;
import io.catalogs.client.fake.FakeQuickBooks;
import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.client.fake.FakeStripe;

/**
 * One fake server per vendor per test JVM, started on first use (tests {@link FakeHttpServer#reset()}
 * them before each test). Stop with the JVM.
 */
public final class FakeServers {

	public static final String STRIPE_KEY = "sk_test_catalogs";

	public static final String HUBSPOT_TOKEN = "pat-na1-catalogs";

	private FakeServers() {
	}

	public static FakeHttpServer stripe() {
		return StripeHolder.SERVER;
	}

	public static FakeStripe stripeVendor() {
		return StripeHolder.VENDOR;
	}

	public static FakeHttpServer hubspot() {
		return HubSpotHolder.SERVER;
	}

	public static FakeHubSpot hubspotVendor() {
		return HubSpotHolder.VENDOR;
	}

	public static FakeHttpServer salesforce() {
		return SalesforceHolder.SERVER;
	}

	public static FakeSalesforce salesforceVendor() {
		return SalesforceHolder.VENDOR;
	}

	public static FakeHttpServer quickbooks() {
		return QuickBooksHolder.SERVER;
	}

	public static FakeQuickBooks quickbooksVendor() {
		return QuickBooksHolder.VENDOR;
	}

	private static final class StripeHolder {

		static final FakeStripe VENDOR = new FakeStripe(STRIPE_KEY);

		static final FakeHttpServer SERVER = FakeHttpServer.start(VENDOR, null);

	}

	private static final class HubSpotHolder {

		static final FakeHubSpot VENDOR = new FakeHubSpot(HUBSPOT_TOKEN, "catalogs_gateway_id");

		static final FakeHttpServer SERVER = FakeHttpServer.start(VENDOR, null);

	}

	private static final class SalesforceHolder {

		static final FakeSalesforce VENDOR = new FakeSalesforce();

		static final FakeHttpServer SERVER = FakeHttpServer.start(VENDOR, null);

	}

	private static final class QuickBooksHolder {

		static final FakeQuickBooks VENDOR = new FakeQuickBooks();

		static final FakeHttpServer SERVER = FakeHttpServer.start(VENDOR, null);

	}
}
