package io.catalogs.client.salesforce;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.catalogs.client.http.ClientHealth;
import io.catalogs.client.http.ErrorClassifier;
import io.catalogs.client.http.OAuth2RefreshAuth;
import io.catalogs.client.http.OAuth2Token;
import io.catalogs.client.http.VendorConventions;
import io.catalogs.client.http.VendorHttpClient;

/**
 * The Salesforce REST client of one catalog: {@link #contacts()} (the gateway's customers) and
 * {@link #invoices()} (the custom object {@code Catalogs_Invoice__c}). Authenticates with OAuth 2.0
 * (refresh-token flow, refreshed before expiry and once on a 401). Creates are upserts by the
 * gateway id external-ID field. Thread-safe; create one per configured catalog.
 */
public final class SalesforceClient {

	/** The custom object holding invoices. */
	public static final String INVOICE_OBJECT = "Catalogs_Invoice__c";

	private final VendorHttpClient http;

	private final OAuth2RefreshAuth auth;

	private final SalesforceObjects<SalesforceContact, SalesforceContact.Fields> contacts;

	private final SalesforceObjects<SalesforceInvoice, SalesforceInvoice.Fields> invoices;

	private SalesforceClient(VendorHttpClient http, OAuth2RefreshAuth auth, String apiVersion) {
		this.http = http;
		this.auth = auth;
		this.contacts = new SalesforceObjects<>(http, apiVersion, "Contact", SalesforceContact.class,
				List.of("Id", "FirstName", "LastName", "Email", "Phone", "SystemModstamp", "IsDeleted", SalesforceObjects.GATEWAY_ID_FIELD,
						"Catalogs_Version__c", "Catalogs_Metadata__c", "LastModifiedDate"));
		this.invoices = new SalesforceObjects<>(http, apiVersion, INVOICE_OBJECT, SalesforceInvoice.class,
				List.of("Id", "Name", "Catalogs_Customer__c", "Catalogs_Amount__c", "Catalogs_Currency__c",
						"Catalogs_Status__c", "Catalogs_Issued_At__c", "Catalogs_Due_At__c",
						SalesforceObjects.GATEWAY_ID_FIELD, "Catalogs_Version__c", "Catalogs_Metadata__c", "CreatedDate",
						"LastModifiedDate", "SystemModstamp", "IsDeleted"));
	}

	/** A client named {@code salesforce/<instance>} (use the catalog name), on the system clock. */
	public static SalesforceClient create(String instance, SalesforceSettings settings) {
		return create(instance, settings, Clock.systemUTC(), (token) -> {
		});
	}

	/**
	 * A client whose token expiry is judged by {@code clock}, reporting every new token to
	 * {@code listener}.
	 */
	public static SalesforceClient create(String instance, SalesforceSettings settings, Clock clock,
			Consumer<OAuth2Token> listener) {
		ErrorClassifier standard = ErrorClassifier.standard();
		// the org's 24-hour allocation is used up: it frees up as the window rolls, so try again later
		VendorConventions conventions = VendorConventions.of("salesforce", "Sforce-Call-Id")
			.withErrors((status, headers, body) -> (status == 403 && body.contains("REQUEST_LIMIT_EXCEEDED"))
					? ErrorClassifier.Outcome.RETRIABLE : standard.classify(status, headers, body));
		OAuth2RefreshAuth auth = OAuth2RefreshAuth.create("salesforce/" + instance, settings.oauth(),
				settings.http().timeout(), clock, listener);
		return new SalesforceClient(VendorHttpClient.create(instance, conventions, settings.http(), auth), auth,
				settings.apiVersion());
	}

	/** Contacts: {@code /sobjects/Contact}. */
	public SalesforceObjects<SalesforceContact, SalesforceContact.Fields> contacts() {
		return this.contacts;
	}

	/** Invoices: {@code /sobjects/Catalogs_Invoice__c}. */
	public SalesforceObjects<SalesforceInvoice, SalesforceInvoice.Fields> invoices() {
		return this.invoices;
	}

	/** The OAuth 2.0 token source, for diagnostics. */
	public OAuth2RefreshAuth auth() {
		return this.auth;
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
