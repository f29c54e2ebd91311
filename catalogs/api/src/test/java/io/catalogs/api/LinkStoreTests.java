package io.catalogs.api;

import io.catalogs.api.support.InMemoryApiLinkStore;
import io.catalogs.schema.EntityTypes;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory link store's contract, and the lazy lookup of the application's store. */
class LinkStoreTests {

	private static final UUID ADA = UUID.nameUUIDFromBytes("ada".getBytes());

	private static final UUID GRACE = UUID.nameUUIDFromBytes("grace".getBytes());

	private final InMemoryApiLinkStore store = new InMemoryApiLinkStore();

	@Test
	void linksAreFoundByEntityAndByRemoteIdPerCatalog() {
		this.store.link("stripe", EntityTypes.CUSTOMER, ADA, "cus_1").block();
		this.store.link("stripe", EntityTypes.CUSTOMER, GRACE, "cus_2").block();
		this.store.link("other", EntityTypes.CUSTOMER, ADA, "cus_9").block();
		assertThat(this.store.find("stripe", EntityTypes.CUSTOMER, ADA).block()).isEqualTo(ApiLink.live(ADA, "cus_1"));
		assertThat(this.store.findAll("stripe", EntityTypes.CUSTOMER, List.of(ADA, GRACE, UUID.randomUUID())).collectList().block())
			.extracting(ApiLink::remoteId).containsExactlyInAnyOrder("cus_1", "cus_2");
		assertThat(this.store.findByRemoteIds("stripe", EntityTypes.CUSTOMER, List.of("cus_2", "cus_9")).collectList().block())
			.extracting(ApiLink::entityId).containsExactly(GRACE);
		StepVerifier.create(this.store.find("stripe", EntityTypes.INVOICE, ADA)).verifyComplete();
	}

	@Test
	void aRemoteIdBelongsToOneEntity() {
		this.store.link("stripe", EntityTypes.CUSTOMER, ADA, "cus_1").block();
		StepVerifier.create(this.store.link("stripe", EntityTypes.CUSTOMER, GRACE, "cus_1"))
			.expectError(IllegalStateException.class).verify(Duration.ofSeconds(5));
	}

	@Test
	void tombstonesKeepTheRemoteIdAndTheNewestVersionUntilRelinked() {
		this.store.link("stripe", EntityTypes.CUSTOMER, ADA, "cus_1").block();
		this.store.tombstone("stripe", EntityTypes.CUSTOMER, ADA, 4).block();
		this.store.tombstone("stripe", EntityTypes.CUSTOMER, ADA, 3).block();
		assertThat(this.store.find("stripe", EntityTypes.CUSTOMER, ADA).block()).isEqualTo(new ApiLink(ADA, "cus_1", 4L));
		this.store.tombstone("stripe", EntityTypes.CUSTOMER, GRACE, 2).block();
		assertThat(this.store.find("stripe", EntityTypes.CUSTOMER, GRACE).block()).isEqualTo(new ApiLink(GRACE, null, 2L));
		this.store.link("stripe", EntityTypes.CUSTOMER, ADA, "cus_3").block();
		assertThat(this.store.find("stripe", EntityTypes.CUSTOMER, ADA).block().deleted()).isFalse();
	}

	@Test
	void theApplicationsStoreIsLookedUpOnFirstUseOnly() {
		AtomicInteger lookups = new AtomicInteger();
		LazyApiLinkStore lazy = new LazyApiLinkStore(() -> {
			lookups.incrementAndGet();
			return this.store;
		}, true);
		assertThat(lookups).hasValue(0);
		lazy.link("stripe", EntityTypes.CUSTOMER, ADA, "cus_1").block();
		lazy.find("stripe", EntityTypes.CUSTOMER, ADA).block();
		assertThat(lookups).hasValue(1);
		assertThat(this.store.size()).isEqualTo(1);
		assertThat(lazy.durable()).isTrue();
	}

	@Test
	void withoutAnApplicationStoreLinksStayInMemoryAndSaySo() {
		LazyApiLinkStore lazy = new LazyApiLinkStore(() -> null, false);
		lazy.link("stripe", EntityTypes.CUSTOMER, ADA, "cus_1").block();
		assertThat(lazy.find("stripe", EntityTypes.CUSTOMER, ADA).block().remoteId()).isEqualTo("cus_1");
		assertThat(lazy.durable()).isFalse();
		assertThat(this.store.durable()).isFalse();
	}
}
