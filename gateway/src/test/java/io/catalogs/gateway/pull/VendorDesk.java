package io.catalogs.gateway.pull;

import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.FakeQuickBooks;
import io.catalogs.client.fake.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Changes made at the vendors directly, as their users (or other apps) make them, through each fake
 * vendor's own API (Stripe, HubSpot, QuickBooks) or its console (Salesforce): what the gateway must
 * take in through its pulls.
 */
final class VendorDesk {

	static final String SALESFORCE_INVOICE = "Catalogs_Invoice__c";

	private final HttpClient http = HttpClient.newHttpClient();

	private String quickBooksToken;

	/** Sets the phone of the customer object {@code remoteId} at {@code vendor}. */
	void editPhone(String vendor, String remoteId, String phone) {
		switch (vendor) {
			case "stripe" -> stripe("/v1/customers/" + remoteId, Map.of("phone", phone));
			case "hubspot" -> send(HttpRequest.newBuilder(FakeServers.hubspot().baseUrl().resolve("/crm/v3/objects/contacts/" + remoteId))
				.header("Authorization", "Bearer " + FakeServers.HUBSPOT_TOKEN).header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(Map.of("properties", Map.of("phone", phone))))));
			case "salesforce" -> FakeServers.salesforceVendor().edit("Contact", remoteId, Map.of("Phone", phone));
			case "quickbooks" -> {
				Map<String, Object> customer = quickBooks("GET", "/customer/" + remoteId, null).get("Customer");
				quickBooks("POST", "/customer", Map.of("Id", remoteId, "SyncToken", customer.get("SyncToken"), "sparse", true,
						"PrimaryPhone", Map.of("FreeFormNumber", phone)));
			}
			default -> throw new IllegalArgumentException(vendor);
		}
	}

	/**
	 * Creates an open invoice at {@code vendor} for its customer object {@code remoteCustomer}, with the
	 * fields the shipped mapping reads (Stripe keeps the number in metadata, QuickBooks the status in
	 * PrivateNote); emits the new invoice's vendor id.
	 */
	String createInvoice(String vendor, String remoteCustomer, String number, BigDecimal amount) {
		return switch (vendor) {
			case "stripe" -> {
				String id = (String) stripe("/v1/invoices", Map.of("customer", remoteCustomer, "currency", "eur",
						"metadata[gateway_number]", number)).get("id");
				stripe("/v1/invoiceitems", Map.of("customer", remoteCustomer, "invoice", id, "currency", "eur", "amount",
						amount.movePointRight(2).toBigInteger().toString()));
				stripe("/v1/invoices/" + id + "/finalize", Map.of());
				yield id;
			}
			case "salesforce" -> FakeServers.salesforceVendor().seed(SALESFORCE_INVOICE, Map.of("Name", number,
					"Catalogs_Customer__c", remoteCustomer, "Catalogs_Amount__c", amount.doubleValue(), "Catalogs_Currency__c", "EUR",
					"Catalogs_Status__c", "Open"), Instant.now());
			case "quickbooks" -> (String) quickBooks("POST", "/invoice", Map.of("CustomerRef", Map.of("value", remoteCustomer),
					"DocNumber", number, "CurrencyRef", Map.of("value", "EUR"), "PrivateNote", "{\"status\":\"OPEN\"}",
					"Line", List.of(Map.of("Amount", amount, "DetailType", "SalesItemLineDetail",
							"SalesItemLineDetail", Map.of("ItemRef", Map.of("value", "1"))))))
				.get("Invoice").get("Id");
			default -> throw new IllegalArgumentException(vendor);
		};
	}

	/**
	 * Creates an open invoice at {@code vendor} as one of its users would, with none of the gateway's
	 * fields (Stripe: finalized, so Stripe numbers it; QuickBooks: no PrivateNote); emits the new
	 * invoice's vendor id and the number the vendor shows.
	 */
	MadeInvoice createInvoiceAsAUser(String vendor, String remoteCustomer, String number, BigDecimal amount) {
		return switch (vendor) {
			case "stripe" -> {
				String id = (String) stripe("/v1/invoices", Map.of("customer", remoteCustomer, "currency", "eur")).get("id");
				stripe("/v1/invoiceitems", Map.of("customer", remoteCustomer, "invoice", id, "currency", "eur", "amount",
						amount.movePointRight(2).toBigInteger().toString()));
				yield new MadeInvoice(id, (String) stripe("/v1/invoices/" + id + "/finalize", Map.of()).get("number"));
			}
			case "quickbooks" -> new MadeInvoice((String) quickBooks("POST", "/invoice", Map.of("CustomerRef",
					Map.of("value", remoteCustomer), "DocNumber", number, "CurrencyRef", Map.of("value", "EUR"),
					"Line", List.of(Map.of("Amount", amount, "DetailType", "SalesItemLineDetail",
							"SalesItemLineDetail", Map.of("ItemRef", Map.of("value", "1"))))))
				.get("Invoice").get("Id"), number);
			default -> throw new IllegalArgumentException(vendor);
		};
	}

	/** An invoice made at a vendor: its vendor id and the number the vendor shows. */
	record MadeInvoice(String id, String number) {
	}

	private Map<String, Object> stripe(String path, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(FakeServers.stripe().baseUrl().resolve(path))
			.header("Authorization", "Bearer " + FakeServers.STRIPE_KEY)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> quickBooks(String method, String path, Map<String, Object> body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(FakeServers.quickbooks().baseUrl()
				.resolve("/v3/company/" + FakeQuickBooks.REALM + path))
			.header("Authorization", "Bearer " + quickBooksToken())
			.header("Accept", "application/json").header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(Json.write(body)) : HttpRequest.BodyPublishers.noBody());
		return (Map<String, Map<String, Object>>) (Map<?, ?>) send(request);
	}

	/**
	 * An access token of another app connected to the company: an authorization code answered with the
	 * refresh token the gateway holds, so that the gateway's token stays valid.
	 */
	private synchronized String quickBooksToken() {
		if (this.quickBooksToken == null) {
			String code = "desk-" + UUID.randomUUID();
			FakeServers.quickbooksVendor().tokens().issueCode(code, "https://desk.example.com/callback",
					FakeServers.quickbooksVendor().tokens().currentRefreshToken());
			String basic = Base64.getEncoder().encodeToString((FakeQuickBooks.CLIENT_ID + ":" + FakeQuickBooks.CLIENT_SECRET)
				.getBytes(StandardCharsets.UTF_8));
			this.quickBooksToken = (String) send(HttpRequest.newBuilder(FakeServers.quickbooks().baseUrl().resolve("/oauth2/v1/tokens/bearer"))
				.header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
						+ "&redirect_uri=" + URLEncoder.encode("https://desk.example.com/callback", StandardCharsets.UTF_8))))
				.get("access_token");
		}
		return this.quickBooksToken;
	}

	private Map<String, Object> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? Map.of() : Json.read(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
