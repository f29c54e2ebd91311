package io.catalogs.api.salesforce;

import io.catalogs.api.ApiCatalog;
import io.catalogs.api.InboundChange;
import io.catalogs.api.ReadCacheProperties;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.tck.SampleEntities;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Salesforce contacts' change feed as the catalog's inbound view reads it: inclusive, ordered by
 * SystemModstamp then Id across pages, deletions from the recycle bin, entity ids from links or the
 * gateway id on the contact, attributes through the mapping.
 */
class SalesforceChangeFeedIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

	private final InMemoryApiLinkStore links = new InMemoryApiLinkStore();

	private final ApiCatalog catalog = (ApiCatalog) SalesforceTestCatalogs.catalog(this.links, ReadCacheProperties.defaults());

	@BeforeEach
	void clear() {
		FakeServers.salesforce().reset();
	}

	@Test
	void readsChangesAtOrAfterTheTimeInOrderAcrossPages() {
		for (int i = 0; i < 450; i++) {
			FakeServers.salesforceVendor().seed("Contact", Map.of("LastName", "N" + i, "Email", "n" + i + "@example.com"),
					T0.plusSeconds(i / 3));
		}

		List<InboundChange> all = this.catalog.modifiedSince(EntityTypes.CUSTOMER, T0).collectList().block(TIMEOUT);
		List<InboundChange> later = this.catalog.modifiedSince(EntityTypes.CUSTOMER, T0.plusSeconds(100)).collectList()
			.block(TIMEOUT);

		assertThat(this.catalog.changeFeed(EntityTypes.CUSTOMER)).isTrue();
		assertThat(all).hasSize(450);
		assertThat(all).isSortedAccordingTo((a, b) -> a.modifiedAt().equals(b.modifiedAt())
				? a.remoteId().compareTo(b.remoteId()) : a.modifiedAt().compareTo(b.modifiedAt()));
		// inclusive: the whole group stamped at the bound comes
		assertThat(later).hasSize(450 - 300).first().satisfies((change) -> assertThat(change.modifiedAt()).isEqualTo(T0.plusSeconds(100)));
		assertThat(all.get(0)).satisfies((change) -> {
			assertThat(change.catalog()).isEqualTo("salesforce");
			assertThat(change.entityId()).isNull();
			assertThat(change.version()).isNull();
			assertThat(change.deleted()).isFalse();
			assertThat(change.attributes()).containsEntry("name", "N0").containsEntry("email", "n0@example.com");
		});
	}

	@Test
	void reportsTheGatewaysIdsVersionsAndDeletions() {
		Entity customer = SampleEntities.customer("f1", "Ada Lovelace", "ada@example.com", null, null, SampleEntities.at(1),
				SampleEntities.at(2));
		this.catalog.applyIfNewer(customer).block(TIMEOUT);
		String remoteId = (String) FakeServers.salesforceVendor().records("Contact").get(0).get("Id");

		InboundChange written = this.catalog.current(EntityTypes.CUSTOMER, remoteId).block(TIMEOUT);
		FakeServers.salesforceVendor().remove("Contact", remoteId);
		InboundChange deleted = this.catalog.current(EntityTypes.CUSTOMER, remoteId).block(TIMEOUT);
		List<InboundChange> feed = this.catalog.modifiedSince(EntityTypes.CUSTOMER, Instant.EPOCH).collectList().block(TIMEOUT);

		assertThat(written.entityId()).isEqualTo(customer.id());
		assertThat(written.linked()).isTrue();
		assertThat(written.version()).isEqualTo(1L);
		assertThat(written.attributes()).containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.com");
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.entityId()).isEqualTo(customer.id());
		assertThat(deleted.modifiedAt()).isAfterOrEqualTo(written.modifiedAt());
		assertThat(feed).singleElement().satisfies((change) -> assertThat(change.deleted()).isTrue());
		assertThat(this.catalog.current(EntityTypes.CUSTOMER, "003NOSUCHTHING").blockOptional(TIMEOUT)).isEmpty();
	}
}
