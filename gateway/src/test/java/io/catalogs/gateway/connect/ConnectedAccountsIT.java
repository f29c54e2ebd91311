package io.catalogs.gateway.connect;

import io.catalogs.api.OAuthAccounts;
import io.catalogs.api.quickbooks.QuickBooksCatalogFactory;
import io.catalogs.api.quickbooks.QuickBooksCatalogProperties;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeQuickBooks;
import io.catalogs.client.fake.FakeSalesforce;
import io.catalogs.client.http.OAuth2Token;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRole;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connected accounts end to end on the embedded stack, against Salesforce- and QuickBooks-compatible
 * servers of their own (the shared ones keep their tokens for the other tests): {@code connectCatalog}
 * trades a code for tokens, which are stored sealed and used at once; a refresh persists the rotated
 * refresh token; a new catalog instance (a restart) starts from the store; a refused refresh token
 * shows as {@code EXPIRED}; and the planted canary tokens appear in no log line, GraphQL or Actuator
 * response, nor anywhere in the database outside the ciphertext.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "catalogs.embedded.enabled=true", "catalogs.embedded.seed=false",
				"catalogs.control-store.schema=connect_it", "catalogs.sync.topics.changes=connect-it-catalog-changes",
				"catalogs.sync.topics.status=connect-it-catalog-sync-status",
				"catalogs.sync.topics.dead-letters=connect-it-catalog-changes-dlt",
				"catalogs.sync.consumer.group-prefix=connect-it-catalog-sync-",
				"catalogs.instances.crm.kind=salesforce", "catalogs.instances.crm.entity-types=customer",
				"catalogs.instances.crm.oauth.client-id=" + FakeSalesforce.CLIENT_ID,
				"catalogs.instances.crm.oauth.client-secret=" + FakeSalesforce.CLIENT_SECRET,
				"catalogs.instances.books.kind=quickbooks", "catalogs.instances.books.entity-types=customer",
				"catalogs.instances.books.realm-id=" + FakeQuickBooks.REALM,
				"catalogs.instances.books.oauth.client-id=" + FakeQuickBooks.CLIENT_ID,
				"catalogs.instances.books.oauth.client-secret=" + FakeQuickBooks.CLIENT_SECRET,
				"catalogs.credentials.key-id=k1", "catalogs.credentials.redirect-uri=" + ConnectedAccountsIT.REDIRECT,
				"logging.level.io.catalogs=debug" })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectedAccountsIT {

	static final String REDIRECT = "https://gateway.example.com/oauth/callback";

	static final String KEY = CredentialCipherTests.newKey();

	static final String QUICKBOOKS_CANARY = "canary-qb-RT-5d1c0e9b7a";

	static final String SALESFORCE_CANARY = "canary-sf-RT-81b2f4c6e3";

	static final FakeQuickBooks QUICKBOOKS = new FakeQuickBooks();

	static final FakeSalesforce SALESFORCE = new FakeSalesforce();

	static final FakeHttpServer QUICKBOOKS_SERVER = FakeHttpServer.start(QUICKBOOKS, null);

	static final FakeHttpServer SALESFORCE_SERVER = FakeHttpServer.start(SALESFORCE, null);

	/** Every GraphQL and Actuator response body seen, for the canary scan. */
	static final List<String> responses = new ArrayList<>();

	/** Every access token seen in the store: as secret as the canaries. */
	static final List<String> accessTokens = new ArrayList<>();

	/** The log output of every test (and of startup), for the canary scan. */
	static final StringBuilder logs = new StringBuilder();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ControlStore store;

	@Autowired
	ControlStoreOAuthTokenStore tokens;

	@Autowired
	CredentialKeyRotation rotation;

	@DynamicPropertySource
	static void vendorServers(DynamicPropertyRegistry properties) {
		properties.add("catalogs.credentials.key", () -> KEY);
		properties.add("catalogs.instances.crm.instance-url", () -> SALESFORCE_SERVER.baseUrl().toString());
		properties.add("catalogs.instances.crm.oauth.token-url", () -> SALESFORCE_SERVER.baseUrl() + "/services/oauth2/token");
		properties.add("catalogs.instances.books.base-url", () -> QUICKBOOKS_SERVER.baseUrl().toString());
		properties.add("catalogs.instances.books.oauth.token-url", () -> QUICKBOOKS_SERVER.baseUrl() + "/oauth2/v1/tokens/bearer");
	}

	@AfterEach
	void keepOutput(CapturedOutput output) {
		logs.append(output.getAll());
	}

	@AfterAll
	static void stopServers() {
		QUICKBOOKS_SERVER.close();
		SALESFORCE_SERVER.close();
	}

	@Test
	@Order(1)
	void oauthCatalogsStartNotConnectedAndOthersNotApplicable() throws Exception {
		assertThat(statuses()).containsEntry("crm", "NOT_CONNECTED").containsEntry("books", "NOT_CONNECTED")
			.containsEntry("postgres", "NOT_APPLICABLE").containsEntry("mongo", "NOT_APPLICABLE");
		String unconnected = graphQl("{ customers(catalog: \"books\", first: 5) { edges { node { id } } } }");
		assertThat((String) JsonPath.read(unconnected, "$.errors[0].extensions.classification")).isEqualTo("UNAUTHORIZED");
		assertThat(QUICKBOOKS_SERVER.received()).noneMatch((exchange) -> exchange.path().contains("token"));
	}

	@Test
	@Order(2)
	void refusesUnknownCatalogsCatalogsWithoutOAuthRefusedCodesAndAnotherCompany() throws Exception {
		SALESFORCE.tokens().issueCode("code-for-elsewhere", "https://elsewhere.example.com/cb", "never-used");

		assertThat(connectError("nope", "code", null, null)).containsEntry("classification", "UNKNOWN_CATALOG");
		assertThat(connectError("postgres", "code", null, null)).containsEntry("classification", "BAD_REQUEST")
			.containsEntry("reason", "NOT_OAUTH");
		// the code was issued for another redirect URI: the vendor refuses it
		Map<String, Object> refused = connectError("crm", "code-for-elsewhere", null, null);
		assertThat(refused).containsEntry("classification", "BAD_REQUEST").containsEntry("reason", "CODE_REFUSED");
		assertThat(responses.get(responses.size() - 1)).contains("refused the authorization code")
			.doesNotContain("invalid authorization code").doesNotContain("invalid_grant");
		assertThat(connectError("books", "code", null, "123")).containsEntry("classification", "BAD_REQUEST")
			.containsEntry("field", "realmId");
		assertThat(connectError("crm", "code", "not a uri", null)).containsEntry("field", "redirectUri");
		assertThat(statuses()).containsEntry("crm", "NOT_CONNECTED");
		assertThat(this.tokens.exists("crm").block(Duration.ofSeconds(10))).isFalse();
	}

	@Test
	@Order(3)
	void connectsQuickBooksPersistsEveryRotatedRefreshTokenAndANewInstanceStartsFromThem() throws Exception {
		QUICKBOOKS.tokens().issueCode("qb-code-1", REDIRECT, QUICKBOOKS_CANARY);

		String connected = graphQl("mutation { connectCatalog(catalog: \"books\", authorizationCode: \"qb-code-1\", "
				+ "realmId: \"" + FakeQuickBooks.REALM + "\") { catalog status accessTokenExpiresAt } }");

		assertThat((String) JsonPath.read(connected, "$.data.connectCatalog.status")).isEqualTo("CONNECTED");
		assertThat((String) JsonPath.read(connected, "$.data.connectCatalog.accessTokenExpiresAt")).isNotBlank();
		assertThat(stored("books").refreshToken()).isEqualTo(QUICKBOOKS_CANARY);
		assertThat(statuses()).containsEntry("books", "CONNECTED");

		// the live catalog reads with the access token it was handed: no refresh
		assertReadsCustomers("books");
		assertThat(QUICKBOOKS.tokens().refreshes()).isZero();

		// the session expires: the catalog refreshes with the canary, Intuit rotates, the store follows
		QUICKBOOKS.tokens().expireAll();
		assertReadsCustomers("books");
		assertThat(QUICKBOOKS.tokens().refreshes()).isEqualTo(1);
		String rotated = QUICKBOOKS.tokens().currentRefreshToken();
		assertThat(rotated).isNotEqualTo(QUICKBOOKS_CANARY);
		await().atMost(Duration.ofSeconds(10)).until(() -> rotated.equals(stored("books").refreshToken()));

		// a restart: a new catalog instance with no refresh token configured starts from the store
		OAuthAccounts accounts = new OAuthAccounts(() -> this.tokens);
		Catalog restarted = new QuickBooksCatalogFactory(new InMemoryApiLinkStore(), accounts).create(
				new CatalogDefinition("books", "quickbooks", CatalogRole.SECONDARY, Set.of(EntityTypes.CUSTOMER)),
				quickBooksProperties());
		restarted.ping().block(Duration.ofSeconds(10));
		assertThat(QUICKBOOKS.tokens().refreshes()).isEqualTo(1);
		QUICKBOOKS.tokens().expireAll();
		restarted.ping().block(Duration.ofSeconds(10));
		assertThat(QUICKBOOKS.tokens().refreshes()).isEqualTo(2);
		assertThat(accounts.find("books").orElseThrow().auth().refused()).isFalse();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> QUICKBOOKS.tokens().currentRefreshToken().equals(stored("books").refreshToken()));

		// the live catalog's refresh token is outdated now: refused, it takes the newer one from the store
		QUICKBOOKS.tokens().expireAll();
		assertReadsCustomers("books");
		assertThat(QUICKBOOKS.tokens().refreshes()).isEqualTo(3);
		assertThat(statuses()).containsEntry("books", "CONNECTED");
	}

	@Test
	@Order(4)
	void connectsSalesforceAndShowsExpiredOnceTheVendorRefusesTheRefreshToken() throws Exception {
		SALESFORCE.tokens().issueCode("sf-code-1", "https://gateway.example.com/sf", SALESFORCE_CANARY);

		String connected = graphQl("mutation { connectCatalog(catalog: \"crm\", authorizationCode: \"sf-code-1\", "
				+ "redirectUri: \"https://gateway.example.com/sf\") { catalog status } }");

		assertThat((String) JsonPath.read(connected, "$.data.connectCatalog.status")).isEqualTo("CONNECTED");
		assertThat(stored("crm").refreshToken()).isEqualTo(SALESFORCE_CANARY);
		assertReadsCustomers("crm");

		// the user revokes the app: the next refresh is refused
		SALESFORCE.tokens().reset("revoked-elsewhere");
		String failed = graphQl("{ customers(catalog: \"crm\", first: 5) { edges { node { id } } } }");
		assertThat((String) JsonPath.read(failed, "$.errors[0].extensions.classification")).isEqualTo("UNAUTHORIZED");
		assertThat((String) JsonPath.read(failed, "$.errors[0].message")).contains("connect its account");
		assertThat(statuses()).containsEntry("crm", "EXPIRED");

		// connecting again fixes it
		SALESFORCE.tokens().issueCode("sf-code-2", REDIRECT, SALESFORCE_CANARY + "-2");
		graphQl("mutation { connectCatalog(catalog: \"crm\", authorizationCode: \"sf-code-2\") { status } }");
		assertThat(statuses()).containsEntry("crm", "CONNECTED");
		assertReadsCustomers("crm");
	}

	@Test
	@Order(5)
	void rotationReSealsEveryCredentialWithTheCurrentKey() {
		List<String> before = keyIds();
		assertThat(before).containsOnly("k1").hasSize(2);
		// nothing sealed with an older key: nothing to do
		assertThat(this.rotation.rotate()).isZero();

		String nextKey = CredentialCipherTests.newKey();
		CredentialCipher next = CredentialCipher.of(new CredentialsProperties(nextKey, "k2", Map.of("k1", KEY), null));
		ControlStoreOAuthTokenStore rotating = new ControlStoreOAuthTokenStore(this.store, next);
		OAuth2Token crm = stored("crm");

		assertThat(new CredentialKeyRotation(rotating).rotate()).isEqualTo(2);

		assertThat(keyIds()).containsOnly("k2");
		assertThat(rotating.find("crm").block(Duration.ofSeconds(10))).isEqualTo(crm);
		// the old key alone no longer opens them
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> stored("crm")))
			.isInstanceOf(CredentialDecryptionException.class).hasMessageNotContaining(SALESFORCE_CANARY);
		// back to k1 with the command-line option, as a user would (without it, the runner does nothing)
		CredentialKeyRotation back = new CredentialKeyRotation(new ControlStoreOAuthTokenStore(this.store,
				CredentialCipher.of(new CredentialsProperties(KEY, "k1", Map.of("k2", nextKey), null))));
		back.run(new DefaultApplicationArguments());
		assertThat(keyIds()).containsOnly("k2");
		back.run(new DefaultApplicationArguments("--" + CredentialKeyRotation.OPTION));
		assertThat(keyIds()).containsOnly("k1");
		assertThat(stored("crm")).isEqualTo(crm);
	}

	@Test
	@Order(6)
	void theCanaryTokensAppearNowhereOutsideTheCiphertext(CapturedOutput output) throws Exception {
		List<String> canaries = new ArrayList<>(List.of(QUICKBOOKS_CANARY, SALESFORCE_CANARY));
		canaries.addAll(accessTokens);
		assertThat(accessTokens).hasSizeGreaterThan(3);
		for (String path : actuatorPaths()) {
			responses.add(get(path));
		}
		assertThat(responses).hasSizeGreaterThan(10);
		String log = logs + output.getAll();
		List<String> database = databaseText();
		for (String canary : canaries) {
			String hex = HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8));
			assertThat(log).doesNotContain(canary);
			assertThat(responses).noneMatch((body) -> body.contains(canary));
			assertThat(database).noneMatch((row) -> row.contains(canary) || row.contains(hex));
		}
		// the scan sees the rows it is meant to see
		assertThat(database).anyMatch((row) -> row.contains("books") && row.contains("k1"));
		// the scan reads the log lines of the whole run, at debug level
		assertThat(log).contains("Catalog 'books' is connected", "quickbooks/books obtained an access token",
				"salesforce/crm token endpoint answered HTTP 400");
	}

	private void assertReadsCustomers(String catalog) throws Exception {
		String body = graphQl("{ customers(catalog: \"" + catalog + "\", first: 5) { edges { node { id } } } }");
		assertThat(body).doesNotContain("\"errors\"");
	}

	private Map<String, String> statuses() throws Exception {
		String body = graphQl("{ catalogs { name accountStatus } }");
		List<Map<String, String>> catalogs = JsonPath.read(body, "$.data.catalogs");
		Map<String, String> statuses = new java.util.HashMap<>();
		catalogs.forEach((catalog) -> statuses.put(catalog.get("name"), catalog.get("accountStatus")));
		return statuses;
	}

	private Map<String, Object> connectError(String catalog, String code, String redirectUri, String realmId)
			throws Exception {
		String body = graphQl("mutation($catalog: String!, $code: String!, $redirect: String, $realm: String) { "
				+ "connectCatalog(catalog: $catalog, authorizationCode: $code, redirectUri: $redirect, realmId: $realm) "
				+ "{ status } }", Map.of("catalog", catalog, "code", code, "redirect", String.valueOf(redirectUri),
						"realm", String.valueOf(realmId)));
		assertThat(body).doesNotContain("Exception").doesNotContain("token endpoint answered");
		return JsonPath.read(body, "$.errors[0].extensions");
	}

	private OAuth2Token stored(String catalog) {
		OAuth2Token token = this.tokens.find(catalog).block(Duration.ofSeconds(10));
		accessTokens.add(token.accessToken());
		return token;
	}

	private List<String> keyIds() {
		return this.store.client().sql("SELECT key_id FROM " + this.store.table("catalog_credentials"))
			.map((row) -> row.get("key_id", String.class)).all().collectList().block(Duration.ofSeconds(10));
	}

	/** Every row of every table of the database, as text. */
	private List<String> databaseText() {
		List<String> tables = this.store.client().sql("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
				+ "AS t FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
				+ "('pg_catalog', 'information_schema')").map((row) -> row.get("t", String.class)).all().collectList()
			.block(Duration.ofSeconds(10));
		assertThat(tables).contains("connect_it.catalog_credentials");
		List<String> rows = new ArrayList<>();
		for (String table : tables) {
			rows.addAll(this.store.client().sql("SELECT t::text AS row FROM " + table + " t")
				.map((row) -> row.get("row", String.class)).all().collectList().block(Duration.ofSeconds(30)));
		}
		return rows;
	}

	private List<String> actuatorPaths() throws Exception {
		List<String> paths = new ArrayList<>(List.of("/actuator", "/actuator/health", "/actuator/info", "/actuator/metrics"));
		List<String> names = JsonPath.read(get("/actuator/metrics"), "$.names");
		names.forEach((name) -> paths.add("/actuator/metrics/" + name));
		return paths;
	}

	private QuickBooksCatalogProperties quickBooksProperties() {
		Map<String, String> keys = Map.of("base-url", QUICKBOOKS_SERVER.baseUrl().toString(), "realm-id",
				FakeQuickBooks.REALM, "oauth.client-id", FakeQuickBooks.CLIENT_ID, "oauth.client-secret",
				FakeQuickBooks.CLIENT_SECRET, "oauth.token-url", QUICKBOOKS_SERVER.baseUrl() + "/oauth2/v1/tokens/bearer");
		return new Binder(new MapConfigurationPropertySource(keys)).bind("", QuickBooksCatalogProperties.class).get();
	}

	private String graphQl(String document) throws Exception {
		return graphQl(document, Map.of());
	}

	private String graphQl(String document, Map<String, String> variables) throws Exception {
		StringBuilder json = new StringBuilder("{\"query\":").append(quote(document)).append(",\"variables\":{");
		String separator = "";
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			json.append(separator).append(quote(variable.getKey())).append(':')
				.append("null".equals(variable.getValue()) ? "null" : quote(variable.getValue()));
			separator = ",";
		}
		json.append("}}");
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		responses.add(response.body());
		return response.body();
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.GET().build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
