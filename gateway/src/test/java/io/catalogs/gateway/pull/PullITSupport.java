package io.catalogs.gateway.pull;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeSalesforce;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application context of the pull tests: the embedded stack (PostgreSQL primary, Redis holding
 * customers, MongoDB invoices only, to keep the fan-out of large pulls small) and a Salesforce
 * catalog {@code sfpull} over a fake Salesforce server of its own (so that no other test context
 * reads or writes it). Scheduled pulls are off: tests pull with {@link PullScheduler#pullNow}; batches
 * of 500 applied 32 at a time on pools of 20 keep the 10,000-contact pull short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "catalogs.embedded.enabled=true", "catalogs.embedded.seed=false",
				"catalogs.control-store.schema=pull_it", "catalogs.sync.topics.changes=pull-it-catalog-changes",
				"catalogs.sync.topics.status=pull-it-catalog-sync-status",
				"catalogs.sync.topics.dead-letters=pull-it-catalog-changes-dlt",
				"catalogs.sync.consumer.group-prefix=pull-it-catalog-sync-",
				"catalogs.instances.mongo.entity-types=invoice",
				"catalogs.instances.sfpull.kind=salesforce", "catalogs.instances.sfpull.entity-types=customer",
				"catalogs.instances.sfpull.oauth.client-id=" + FakeSalesforce.CLIENT_ID,
				"catalogs.instances.sfpull.oauth.client-secret=" + FakeSalesforce.CLIENT_SECRET,
				"catalogs.instances.sfpull.oauth.refresh-token=" + FakeSalesforce.REFRESH_TOKEN,
				"catalogs.instances.sfpull.rate-limit.limit-for-period=1000",
				"catalogs.instances.sfpull.rate-limit.period=1s",
				"catalogs.instances.sfpull.listing.page-size=200",
				"catalogs.pull.enabled=false", "catalogs.pull.batch-size=500", "catalogs.pull.concurrency=32",
				"catalogs.instances.postgres.pool.max-size=20", "catalogs.control-store.pool-size=20" })
@AutoConfigureHttpGraphQlTester
abstract class PullITSupport {

	static final FakeSalesforce SALESFORCE = new FakeSalesforce();

	static final FakeHttpServer SALESFORCE_SERVER = FakeHttpServer.start(SALESFORCE, null);

	@DynamicPropertySource
	static void vendorServer(DynamicPropertyRegistry properties) {
		properties.add("catalogs.instances.sfpull.instance-url", () -> SALESFORCE_SERVER.baseUrl().toString());
		properties.add("catalogs.instances.sfpull.oauth.token-url",
				() -> SALESFORCE_SERVER.baseUrl() + "/services/oauth2/token");
	}
}
