package io.catalogs.client.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeHubSpot;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.SpecCheckedServer;
import io.catalogs.client.fake.Json;
import io.catalogs.client.hubspot.HubSpotFilter.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CRM search operators and sorts, the change feed and archived reads against the local HubSpot
 * server, every exchange checked against HubSpot's OpenAPI file.
 */
class HubSpotSearchIT {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	private final FakeHttpServer server = FakeServers.hubspot();

	@RegisterExtension
	final SpecCheckedServer spec = new SpecCheckedServer(this.server);

	private final FakeHubSpot hubspot = FakeServers.hubspotVendor();

	private final HubSpotClient client = HubSpotTestClients.client("search");

	@Test
	void comparesDatetimePropertiesAsInstantsWhateverTheirFormat() {
		for (int i = 0; i < 5; i++) {
			this.hubspot.seed(Map.of("catalogs_gateway_id", "d-" + i, "email", "d" + i + "@example.com",
					"catalogs_created_at", Long.toString(T0.plusSeconds(i).toEpochMilli())), T0);
		}
		assertThat(ids(List.of(HubSpotFilter.of("catalogs_created_at", Operator.GT, HubSpotFilter.millis(T0.plusSeconds(2))))))
			.containsExactly("d-3", "d-4");
		assertThat(ids(List.of(HubSpotFilter.of("catalogs_created_at", Operator.LTE, "2026-03-01T10:00:01Z"))))
			.containsExactly("d-0", "d-1");
		assertThat(ids(List.of(HubSpotFilter.between("catalogs_created_at", HubSpotFilter.millis(T0.plusSeconds(1)),
				HubSpotFilter.millis(T0.plusSeconds(3)))))).containsExactly("d-1", "d-2", "d-3");
		assertThat(ids(List.of(HubSpotFilter.of("catalogs_created_at", Operator.EQ, HubSpotFilter.millis(T0.plusSeconds(4))))))
			.containsExactly("d-4");
		assertThat(ids(List.of(HubSpotFilter.of("catalogs_created_at", Operator.GTE,
				HubSpotFilter.millis(T0.plusSeconds(4).minusMillis(1)))))).containsExactly("d-4");
		// taken in epoch milliseconds, written back in ISO 8601 with milliseconds as HubSpot does
		assertThat(this.hubspot.contacts()).first().satisfies((contact) -> assertThat(contact.get("properties")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("catalogs_created_at", "2026-03-01T10:00:00.000Z"));
	}

	@Test
	void combinesOperatorsOnTextAndNumberPropertiesAndSorts() {
		this.hubspot.seed(Map.of("catalogs_gateway_id", "n-1", "email", "ada@example.com", "catalogs_version", "9"), T0);
		this.hubspot.seed(Map.of("catalogs_gateway_id", "n-2", "email", "alan@example.org", "catalogs_version", "10",
				"phone", "+1 555 0100"), T0);
		this.hubspot.seed(Map.of("catalogs_gateway_id", "n-3", "email", "grace@example.com", "catalogs_version", "11"), T0);
		// numbers compare as numbers: "10" > "9"
		assertThat(ids(List.of(HubSpotFilter.of("catalogs_version", Operator.GT, "9")))).containsExactly("n-2", "n-3");
		assertThat(ids(List.of(HubSpotFilter.of("email", Operator.NEQ, "ada@example.com")))).containsExactly("n-2", "n-3");
		assertThat(ids(List.of(HubSpotFilter.in("catalogs_gateway_id", List.of("n-1", "n-3"))))).containsExactly("n-1", "n-3");
		assertThat(ids(List.of(HubSpotFilter.notIn("catalogs_gateway_id", List.of("n-1", "n-3"))))).containsExactly("n-2");
		assertThat(ids(List.of(HubSpotFilter.hasProperty("phone")))).containsExactly("n-2");
		assertThat(ids(List.of(HubSpotFilter.notHasProperty("phone")))).containsExactly("n-1", "n-3");
		assertThat(ids(List.of(HubSpotFilter.of("email", Operator.CONTAINS_TOKEN, "*.org")))).containsExactly("n-2");
		assertThat(ids(List.of(HubSpotFilter.of("email", Operator.CONTAINS_TOKEN, "example"),
				HubSpotFilter.of("catalogs_version", Operator.LTE, "10")))).containsExactly("n-1", "n-2");
		HubSpotSearch byVersionDescending = HubSpotSearch.where(List.of(), 10).sortedBy(HubSpotSort.descending("catalogs_version"));
		assertThat(this.client.contacts().search(byVersionDescending).block().results())
			.extracting((c) -> c.property("catalogs_gateway_id")).containsExactly("n-3", "n-2", "n-1");
		Map<String, Object> sent = Json.read(this.server.received().get(this.server.received().size() - 1).body());
		assertThat(sent.get("sorts")).isEqualTo(List.of(Map.of("propertyName", "catalogs_version", "direction", "DESCENDING")));
	}

	@Test
	void feedsGroupsSharingATimeAcrossPageBoundariesOnceEachAndStartsAgainBeforeTheResultLimit() {
		this.hubspot.searchResultLimit(20);
		List<String> expected = new ArrayList<>();
		Map<String, Instant> times = new HashMap<>();
		for (int i = 0; i < 61; i++) {
			Instant modified = T0.plusMillis(i / 5);
			String id = this.hubspot.seed(Map.of("catalogs_gateway_id", "f-" + i, "email", "f" + i + "@example.com"), modified);
			expected.add(id);
			times.put(id, modified);
		}
		expected.sort(Comparator.comparing((String id) -> times.get(id)).thenComparing((String id) -> Long.parseLong(id)));
		List<HubSpotContact> fed = this.client.contacts().modifiedSince(T0, 7, 20).collectList().block();
		assertThat(fed).extracting(HubSpotContact::id).containsExactlyElementsOf(expected);
		assertThat(fed).allSatisfy((contact) -> assertThat(contact.modifiedAt()).isEqualTo(times.get(contact.id())));
		List<Map<String, Object>> searches = this.server.received().stream().filter((e) -> e.is("POST", "/crm/v3/objects/contacts/search"))
			.map((e) -> Json.read(e.body())).toList();
		assertThat(searches).allSatisfy((body) -> assertThat(Integer.parseInt((String) body.get("after")) + 7).isLessThanOrEqualTo(20));
		assertThat(searches).filteredOn((body) -> body.get("after").equals("0")).hasSizeGreaterThan(3);
	}

	@Test
	void feedsFromTheGivenTimeInclusiveAndFollowsLaterChanges() {
		this.hubspot.seed(Map.of("catalogs_gateway_id", "old", "email", "old@example.com"), T0.minusSeconds(1));
		String edge = this.hubspot.seed(Map.of("catalogs_gateway_id", "edge", "email", "edge@example.com"), T0);
		String later = this.hubspot.seed(Map.of("catalogs_gateway_id", "later", "email", "later@example.com"), T0.plusSeconds(1));
		this.hubspot.clock(java.time.Clock.fixed(T0.plusSeconds(5), java.time.ZoneOffset.UTC));
		this.client.contacts().update(edge, Map.of("phone", "+1 555 0199")).block();
		StepVerifier.create(this.client.contacts().modifiedSince(T0, 100))
			.assertNext((contact) -> assertThat(contact.id()).isEqualTo(later))
			.assertNext((contact) -> {
				assertThat(contact.id()).isEqualTo(edge);
				assertThat(contact.modifiedAt()).isEqualTo(T0.plusSeconds(5));
				assertThat(contact.property("phone")).isEqualTo("+1 555 0199");
			})
			.verifyComplete();
	}

	@Test
	void readsAnArchivedContactOnlyWhenAskedForArchivedOnes() {
		String id = this.hubspot.seed(Map.of("catalogs_gateway_id", "gone", "email", "gone@example.com"), T0);
		StepVerifier.create(this.client.contacts().getArchived(id)).verifyComplete();
		this.hubspot.clock(java.time.Clock.fixed(T0.plusSeconds(60), java.time.ZoneOffset.UTC));
		this.client.contacts().archive(id).block();
		StepVerifier.create(this.client.contacts().get(id)).verifyComplete();
		StepVerifier.create(this.client.contacts().getArchived(id))
			.assertNext((contact) -> {
				assertThat(contact.archived()).isTrue();
				assertThat(contact.modifiedAt()).isEqualTo(T0.plusSeconds(60));
			})
			.verifyComplete();
		StepVerifier.create(this.client.contacts().modifiedSince(T0, 10)).verifyComplete();
	}

	private List<String> ids(List<HubSpotFilter> filters) {
		return this.client.contacts().search(HubSpotSearch.where(filters, 100)).block().results().stream()
			.map((contact) -> contact.property("catalogs_gateway_id")).toList();
	}
}
