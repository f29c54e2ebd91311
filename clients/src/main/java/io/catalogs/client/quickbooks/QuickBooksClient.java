package io.catalogs.client.quickbooks;

import java.time.Clock;
import java.util.function.Consumer;

import io.catalogs.client.http.ClientHealth;
import io.catalogs.client.http.OAuth2RefreshAuth;
import io.catalogs.client.http.OAuth2Token;
import io.catalogs.client.http.VendorConventions;
import io.catalogs.client.http.VendorHttpClient;
import reactor.core.publisher.Mono;

/**
 * The QuickBooks Online Accounting API client of one catalog (one company, one realm):
 * {@link #customers()} and {@link #invoices()}. Authenticates with OAuth 2.0 (Intuit's
 * refresh-token flow with rotating refresh tokens, refreshed before expiry and once on a 401);
 * creates carry a {@code requestid} for idempotency. Thread-safe; create one per configured catalog.
 */
public final class QuickBooksClient {

	private final VendorHttpClient http;

	private final OAuth2RefreshAuth auth;

	private final QuickBooksEntities<QuickBooksCustomer> customers;

	private final QuickBooksEntities<QuickBooksInvoice> invoices;

	private final String invoiceItemId;

	private QuickBooksClient(VendorHttpClient http, OAuth2RefreshAuth auth, QuickBooksSettings settings) {
		this.http = http;
		this.auth = auth;
		this.customers = new QuickBooksEntities<>(http, settings.realmId(), settings.minorVersion(), "Customer",
				QuickBooksCustomer.class);
		this.invoices = new QuickBooksEntities<>(http, settings.realmId(), settings.minorVersion(), "Invoice",
				QuickBooksInvoice.class);
		this.invoiceItemId = settings.invoiceItemId();
	}

	/** A client named {@code quickbooks/<instance>} (use the catalog name), on the system clock. */
	public static QuickBooksClient create(String instance, QuickBooksSettings settings) {
		return create(instance, settings, Clock.systemUTC(), (token) -> {
		});
	}

	/**
	 * A client whose token expiry is judged by {@code clock}, reporting every new token to
	 * {@code listener}: Intuit rotates refresh tokens, so persist {@link OAuth2Token#refreshToken()}
	 * there, or a restart will present an outdated one.
	 */
	public static QuickBooksClient create(String instance, QuickBooksSettings settings, Clock clock,
			Consumer<OAuth2Token> listener) {
		VendorConventions conventions = VendorConventions.of("quickbooks", "intuit_tid")
			.withErrors(QuickBooksErrors.classifier());
		OAuth2RefreshAuth auth = OAuth2RefreshAuth.create("quickbooks/" + instance, settings.oauth(),
				settings.http().timeout(), clock, listener);
		return new QuickBooksClient(VendorHttpClient.create(instance, conventions, settings.http(), auth), auth, settings);
	}

	/** Customers: {@code /v3/company/<realm>/customer}. */
	public QuickBooksEntities<QuickBooksCustomer> customers() {
		return this.customers;
	}

	/** Invoices: {@code /v3/company/<realm>/invoice}. */
	public QuickBooksEntities<QuickBooksInvoice> invoices() {
		return this.invoices;
	}

	/** Makes a customer inactive, QuickBooks' stand-in for deleting it. */
	public Mono<QuickBooksCustomer> deactivateCustomer(String id, String syncToken) {
		return this.customers.update(new QuickBooksCustomer(id, syncToken, null, null, null, null, null, null, false, null, true));
	}

	/** The configured item every invoice line sells ({@code invoice-item-id}). */
	public String invoiceItemId() {
		return this.invoiceItemId;
	}

	/** {@code value} as a quoted literal of QuickBooks' query language. */
	public static String literal(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
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
