package io.catalogs.api.hubspot;

import io.catalogs.api.ReadCacheProperties;
import io.catalogs.api.RemoteChange;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.fake.SpecCheckedServer;
import io.catalogs.client.hubspot.HubSpotClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The HubSpot contacts' change feed ({@code lastmodifieddate} searches) and current state reads, archives included. */
class HubSpotChangeFeedIT {

	@RegisterExtension
	final SpecCheckedServer spec = new SpecCheckedServer(FakeServers.hubspot());

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

	private final HubSpotContactCollection contacts = new HubSpotContactCollection(HubSpotClient.create("feed",
			HubSpotTestCatalogs.properties(ReadCacheProperties.disabled()).client("feed", "catalogs_gateway_id",
					List.of("catalogs_gateway_id", "email", "catalogs_created_at"))), "catalogs_gateway_id", 2);

	@Test
	void reportsEveryChangeSinceATimeInOrderOfModificationThenId() {
		String a = seed("a", T0.plusMillis(5));
		String b = seed("b", T0.plusMillis(1));
		String c = seed("c", T0.plusMillis(1));
		String d = seed("d", T0.plusMillis(1));
		seed("before", T0.minusMillis(1));
		assertThat(this.contacts.changeFeed()).isTrue();
		List<RemoteChange> changes = this.contacts.modifiedSince(T0).collectList().block(TIMEOUT);
		assertThat(changes).extracting(RemoteChange::remoteId).containsExactly(b, c, d, a);
		assertThat(changes).extracting(RemoteChange::modifiedAt)
			.containsExactly(T0.plusMillis(1), T0.plusMillis(1), T0.plusMillis(1), T0.plusMillis(5));
		assertThat(changes).noneMatch(RemoteChange::deleted);
		assertThat(changes.get(0).object().get("properties.catalogs_gateway_id")).isEqualTo("b");
		assertThat(changes.get(0).object().get("properties.catalogs_created_at")).isEqualTo(T0);
	}

	@Test
	void readsTheCurrentStateLiveOrArchivedAndNothingForAnUnknownContact() {
		String id = seed("x", T0);
		StepVerifier.create(this.contacts.current(id))
			.assertNext((change) -> {
				assertThat(change.deleted()).isFalse();
				assertThat(change.modifiedAt()).isEqualTo(T0);
				assertThat(change.object().get("properties.catalogs_gateway_id")).isEqualTo("x");
			})
			.verifyComplete();
		FakeServers.hubspotVendor().clock(Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC));
		this.contacts.delete(id).block(TIMEOUT);
		StepVerifier.create(this.contacts.current(id))
			.assertNext((change) -> {
				assertThat(change.deleted()).isTrue();
				assertThat(change.remoteId()).isEqualTo(id);
				assertThat(change.modifiedAt()).isEqualTo(T0.plusSeconds(30));
			})
			.verifyComplete();
		// archives are not searchable: the feed does not report them
		StepVerifier.create(this.contacts.modifiedSince(T0)).verifyComplete();
		StepVerifier.create(this.contacts.current("999999")).verifyComplete();
	}

	private static String seed(String gatewayId, Instant modifiedAt) {
		return FakeServers.hubspotVendor().seed(Map.of("catalogs_gateway_id", gatewayId, "email", gatewayId + "@example.com",
				"catalogs_created_at", T0.toString()), modifiedAt);
	}
}
