package io.catalogs.gateway.sync.api;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.CatalogRole;
import io.catalogs.tck.InMemoryCatalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCopyReaderTests {

	private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

	private final InMemoryCatalog primary = catalog("primary", CatalogRole.PRIMARY);

	private final InMemoryCatalog same = catalog("same", CatalogRole.SECONDARY);

	private final InMemoryCatalog changed = catalog("changed", CatalogRole.SECONDARY);

	private final InMemoryCatalog empty = catalog("empty", CatalogRole.SECONDARY);

	private final InMemoryCatalog down = catalog("down", CatalogRole.SECONDARY);

	private final CatalogCopyReader reader = new CatalogCopyReader(
			CatalogRegistry.of(List.<Catalog>of(this.same, this.primary, this.changed, this.empty, this.down),
					EntityTypes.all()),
			new CatalogCopyProperties(Duration.ofSeconds(2)));

	@Test
	void comparesEveryCopyWithThePrimarysAndMarksMissingAndUnavailableOnes() {
		UUID id = UUID.randomUUID();
		Entity customer = Entity.create(EntityTypes.CUSTOMER, id, NOW,
				Map.of(Customer.NAME, "Ada", Customer.EMAIL, "ada@example.com", Customer.METADATA, Map.of("n", 1L)));
		this.primary.create(customer).block();
		// the same values read back with other number types, as some stores do
		this.same.applyIfNewer(new Entity(EntityTypes.CUSTOMER, id, 1, NOW, NOW, false,
				Map.of(Customer.NAME, "Ada", Customer.EMAIL, "ada@example.com", Customer.METADATA, Map.of("n", 1.0))))
			.block();
		this.changed.create(customer).block();
		this.changed.update(EntityTypes.CUSTOMER, id, Map.of(Customer.EMAIL, "other@example.com"), null,
				NOW.plusSeconds(1)).block();
		this.down.setAvailable(false);

		StepVerifier.create(this.reader.copies(EntityTypes.CUSTOMER, id)).assertNext((copies) -> {
			assertThat(copies).extracting(CatalogCopy::catalog).containsExactly("primary", "same", "changed", "empty", "down");
			assertThat(copies).extracting(CatalogCopy::differsIn)
				.containsExactly(List.of(), List.of(), List.of("email", "updatedAt", "version"), List.of("missing"),
						List.of("unavailable"));
			assertThat(copies).extracting(CatalogCopy::version).containsExactly(1L, 1L, 2L, null, null);
			assertThat(copies.get(2).customer().email()).isEqualTo("other@example.com");
			assertThat(copies.get(2).customer().catalog()).isEqualTo("changed");
			assertThat(copies.get(3).customer()).isNull();
			assertThat(copies.get(4).customer()).isNull();
		}).verifyComplete();
	}

	@Test
	void aCopyThePrimaryDoesNotHoldIsExtraAndNoCopyAnywhereDiffersInNothing() {
		UUID id = UUID.randomUUID();
		this.same.create(Entity.create(EntityTypes.CUSTOMER, id, NOW, Map.of(Customer.NAME, "Bo", Customer.EMAIL,
				"bo@example.com"))).block();
		StepVerifier.create(this.reader.copies(EntityTypes.CUSTOMER, id))
			.assertNext((copies) -> assertThat(copies).extracting(CatalogCopy::differsIn)
				.containsExactly(List.of(), List.of("extra"), List.of(), List.of(), List.of()))
			.verifyComplete();
		StepVerifier.create(this.reader.copies(EntityTypes.CUSTOMER, UUID.randomUUID()))
			.assertNext((copies) -> assertThat(copies).allSatisfy((copy) -> {
				assertThat(copy.customer()).isNull();
				assertThat(copy.differsIn()).isEmpty();
			}))
			.verifyComplete();
	}

	@Test
	void aPrimaryThatIsDownLeavesTheOtherCopiesUncompared() {
		UUID id = UUID.randomUUID();
		Entity customer = Entity.create(EntityTypes.CUSTOMER, id, NOW, Map.of(Customer.NAME, "Cy", Customer.EMAIL,
				"cy@example.com"));
		this.same.create(customer).block();
		this.primary.setAvailable(false);
		StepVerifier.create(this.reader.copies(EntityTypes.CUSTOMER, id)).assertNext((copies) -> {
			assertThat(copies.get(0).differsIn()).containsExactly("unavailable");
			assertThat(copies.get(1).customer().name()).isEqualTo("Cy");
			assertThat(copies.get(1).differsIn()).isEmpty();
		}).verifyComplete();
	}

	private static InMemoryCatalog catalog(String name, CatalogRole role) {
		return new InMemoryCatalog(new CatalogDefinition(name, "memory", role, Set.copyOf(EntityTypes.all())),
				InMemoryCatalog.allCapabilities(EntityTypes.all()));
	}
}
