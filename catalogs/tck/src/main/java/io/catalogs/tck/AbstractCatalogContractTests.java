package io.catalogs.tck;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.DuplicateEntityException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.VersionConflictException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static io.catalogs.schema.EntityTypes.CUSTOMER;
import static io.catalogs.schema.EntityTypes.INVOICE;
import static io.catalogs.tck.EntityAssertions.assertSameEntity;
import static io.catalogs.tck.EntityAssertions.ids;
import static io.catalogs.tck.SampleEntities.at;
import static io.catalogs.tck.SampleEntities.change;
import static io.catalogs.tck.SampleEntities.clearedField;
import static io.catalogs.tck.SampleEntities.customer;
import static io.catalogs.tck.SampleEntities.id;
import static io.catalogs.tck.SampleEntities.invoice;
import static io.catalogs.tck.SampleEntities.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link io.catalogs.spi.Catalog} passes: one abstract suite that each catalog
 * kind extends, supplying only {@link #catalog()} and {@link #clear()}:
 *
 * <pre class="code">
 * class PostgresCatalogIT extends AbstractCatalogContractTests {
 *
 * 	protected Catalog catalog() { return EmbeddedStore.catalog(); }
 *
 * 	protected void clear() { EmbeddedStore.deleteEverything(); }
 * }
 * </pre>
 *
 * It covers the whole SPI for every entity type the catalog holds through the same generic tests
 * (this class: writes, versions and value round trips; {@link AbstractListingContractTests}: order,
 * paging, filters, grouped listings and refusals). Every declared capability is checked against the
 * reference semantics of {@link io.catalogs.spi.support.EntityMatcher} over the data the test wrote,
 * and every known one not declared must be refused with {@link io.catalogs.spi.UnsupportedCapabilityException}.
 *
 * <p>Choices the contract leaves to the suite, which implementers must know:
 * <ul>
 * <li>Decimals are equal by {@code compareTo}: a store need not keep the scale ({@code 19.90} may come
 * back as {@code 19.9}), but filters and order compare by value ({@code amount = 19.9} finds 19.90).</li>
 * <li>JSON numbers are equal by value whatever their Java type; key order does not matter; empty
 * objects and lists stay. Timestamps are compared to the millisecond.</li>
 * <li>Text compares as Java's {@link String#compareTo} (binary, PostgreSQL {@code COLLATE "C"});
 * enum fields as their names' text; {@code CONTAINS} ignores case and treats {@code %}, {@code _} and
 * regular expression characters literally.</li>
 * <li>Ordering by {@code createdAt} in either direction is basic (as {@link io.catalogs.spi.CapabilityCheck}
 * has it) and needs no capability.</li>
 * <li>Every check-and-write is atomic: of concurrent updates expecting the same version exactly one wins,
 * concurrent updates without one are all counted, concurrent {@code applyIfNewer} deliveries end at the
 * newest. {@code applyIfNewer} stores the incoming entity whole (fields it lacks are gone); an update with
 * no changes still bumps the version.</li>
 * <li>Errors are signalled, never thrown: the suite fails a method that throws on assembly.</li>
 * <li>{@code getMany} of no ids completes empty; {@code listGrouped} keys its result by the very values
 * it was given (UUIDs for {@code customerId}); cursors reach the catalog through their text form, and a
 * cursor of a since deleted entity still marks its position.</li>
 * </ul>
 */
public abstract class AbstractCatalogContractTests extends AbstractListingContractTests {

	@Nested
	class Creating {

		@EachEntityType
		void createEmitsAndStoresTheEntityAsGiven(EntityType type) {
			Entity given = versioned(sample(held(type), "x"), 3, false);
			assertSameEntity(create(given), given);
			assertSameEntity(stored(type, given.id()), given);
		}

		@EachEntityType
		void rejectsDuplicateCreateAndKeepsTheOriginal(EntityType type) {
			Entity original = create(sample(held(type), "x"));
			Entity again = versioned(sample(type, "x"), 2, false);
			assertThat(errorOf(() -> catalog().create(again))).isInstanceOf(DuplicateEntityException.class);
			assertSameEntity(stored(type, original.id()), original);
		}

		@EachEntityType
		void rejectsCreateOverTombstone(EntityType type) {
			Entity entity = create(sample(held(type), "x"));
			block(catalog().delete(type, entity.id(), null, NOW));
			assertThat(errorOf(() -> catalog().create(entity))).isInstanceOf(DuplicateEntityException.class);
			assertThat(get(type, entity.id())).isEmpty();
		}
	}

	@Nested
	class Reading {

		@EachEntityType
		void getCompletesEmptyForUnknownId(EntityType type) {
			create(sample(held(type), "x"));
			StepVerifier.create(catalog().get(type, id("unknown"))).expectComplete().verify(TIMEOUT);
		}

		@EachEntityType
		void getManyReturnsLiveEntitiesAndSkipsMissingAndDeletedIds(EntityType type) {
			List<Entity> live = seed(held(type)).subList(0, 3);
			UUID deleted = SampleEntities.standardDeleted(type).id();
			List<UUID> requested = new ArrayList<>(ids(live));
			requested.add(1, id("unknown"));
			requested.add(deleted);
			List<Entity> found = getMany(type, requested);
			assertThat(ids(found)).containsExactlyInAnyOrderElementsOf(ids(live));
			found.forEach(entity -> assertSameEntity(entity,
					live.stream().filter(e -> e.id().equals(entity.id())).findFirst().orElseThrow()));
		}

		@EachEntityType
		void getManyOfNoIdsCompletesEmpty(EntityType type) {
			seed(held(type));
			StepVerifier.create(catalog().getMany(type, List.of())).expectComplete().verify(TIMEOUT);
		}

		@Test
		void pingCompletes() {
			StepVerifier.create(catalog().ping()).expectComplete().verify(TIMEOUT);
		}
	}

	@Nested
	class Updating {

		@EachEntityType
		void mergesChangesClearsNullFieldsAndBumpsVersion(EntityType type) {
			Entity before = create(sample(held(type), "x"));
			Entity updated = block(catalog().update(type, before.id(), change(type, "changed"), null, NOW));
			Entity expected = before.withChanges(change(type, "changed"), NOW);
			assertThat(updated.version()).isEqualTo(before.version() + 1);
			assertThat(updated.updatedAt()).isEqualTo(NOW);
			assertThat(updated.createdAt()).isEqualTo(before.createdAt());
			assertThat(updated.value(clearedField(type))).isNull();
			assertSameEntity(updated, expected);
			assertSameEntity(stored(type, before.id()), expected);
		}

		@EachEntityType
		void emptyChangesOnlyBumpVersion(EntityType type) {
			Entity before = create(sample(held(type), "x"));
			block(catalog().update(type, before.id(), Map.of(), null, NOW));
			assertSameEntity(stored(type, before.id()), before.withChanges(Map.of(), NOW));
		}

		@EachEntityType
		void appliesChangeWhenExpectedVersionMatches(EntityType type) {
			Entity before = create(versioned(sample(held(type), "x"), 4, false));
			Entity updated = block(catalog().update(type, before.id(), change(type, "changed"), 4L, NOW));
			assertThat(updated.version()).isEqualTo(5);
			assertThat(stored(type, before.id()).version()).isEqualTo(5);
		}

		@EachEntityType
		void rejectsStaleExpectedVersionNamingTheActualOne(EntityType type) {
			Entity before = create(versioned(sample(held(type), "x"), 4, false));
			Throwable error = errorOf(() -> catalog().update(type, before.id(), change(type, "changed"), 3L, NOW));
			assertThat(error).isInstanceOfSatisfying(VersionConflictException.class, conflict -> {
				assertThat(conflict.expectedVersion()).isEqualTo(3);
				assertThat(conflict.actualVersion()).isEqualTo(4);
			});
			assertSameEntity(stored(type, before.id()), before);
		}

		@EachEntityType
		void rejectsUpdateOfMissingEntity(EntityType type) {
			held(type);
			assertThat(errorOf(() -> catalog().update(type, id("unknown"), change(type, "changed"), null, NOW)))
				.isInstanceOf(EntityNotFoundException.class);
			assertThat(get(type, id("unknown"))).isEmpty();
		}

		@EachEntityType
		void rejectsUpdateOfDeletedEntity(EntityType type) {
			Entity entity = create(sample(held(type), "x"));
			block(catalog().delete(type, entity.id(), null, NOW));
			assertThat(errorOf(() -> catalog().update(type, entity.id(), change(type, "changed"), null, NOW)))
				.isInstanceOf(EntityNotFoundException.class);
			assertThat(get(type, entity.id())).isEmpty();
		}

		@EachEntityType
		void concurrentUpdatesExpectingTheSameVersionLetExactlyOneWin(EntityType type) {
			Entity entity = create(sample(held(type), "x"));
			List<String> outcomes = block(Flux.range(0, 8)
				.flatMap(i -> Mono.defer(() -> catalog().update(type, entity.id(), change(type, "race" + i), 1L, NOW))
					.map(updated -> "won")
					.onErrorResume(VersionConflictException.class, ex -> Mono.just("conflict"))
					.subscribeOn(Schedulers.parallel()))
				.collectList());
			assertThat(outcomes).hasSize(8).containsOnlyOnce("won").containsOnly("won", "conflict");
			assertThat(stored(type, entity.id()).version()).isEqualTo(2);
		}

		@EachEntityType
		void concurrentUpdatesWithoutExpectedVersionAreAllCounted(EntityType type) {
			Entity entity = create(sample(held(type), "x"));
			block(Flux.range(0, 8)
				.flatMap(i -> Mono.defer(() -> catalog().update(type, entity.id(), change(type, "race" + i), null, NOW))
					.subscribeOn(Schedulers.parallel()))
				.then());
			assertThat(stored(type, entity.id()).version()).isEqualTo(9);
		}
	}

	@Nested
	class Deleting {

		@EachEntityType
		void deleteEmitsTombstoneThatReadsNeverReturn(EntityType type) {
			List<Entity> data = seed(held(type));
			Entity victim = data.get(1);
			Entity tombstone = block(catalog().delete(type, victim.id(), null, NOW));
			assertThat(tombstone.deleted()).isTrue();
			assertThat(tombstone.id()).isEqualTo(victim.id());
			assertThat(tombstone.version()).isEqualTo(victim.version() + 1);
			assertThat(tombstone.updatedAt()).isEqualTo(NOW);
			assertThat(get(type, victim.id())).isEmpty();
			assertThat(ids(getMany(type, ids(data)))).doesNotContain(victim.id()).hasSize(data.size() - 1);
			assertThat(ids(list(type, PageRequest.first(100)))).doesNotContain(victim.id()).hasSize(data.size() - 1);
		}

		@EachEntityType
		void deletesWhenExpectedVersionMatches(EntityType type) {
			Entity entity = create(versioned(sample(held(type), "x"), 2, false));
			assertThat(block(catalog().delete(type, entity.id(), 2L, NOW)).version()).isEqualTo(3);
			assertThat(get(type, entity.id())).isEmpty();
		}

		@EachEntityType
		void rejectsStaleExpectedVersionAndKeepsTheEntity(EntityType type) {
			Entity entity = create(versioned(sample(held(type), "x"), 2, false));
			assertThat(errorOf(() -> catalog().delete(type, entity.id(), 1L, NOW)))
				.isInstanceOfSatisfying(VersionConflictException.class,
						conflict -> assertThat(conflict.actualVersion()).isEqualTo(2));
			assertSameEntity(stored(type, entity.id()), entity);
		}

		@EachEntityType
		void rejectsDeleteOfMissingOrDeletedEntity(EntityType type) {
			Entity entity = create(sample(held(type), "x"));
			block(catalog().delete(type, entity.id(), null, NOW));
			assertThat(errorOf(() -> catalog().delete(type, entity.id(), null, NOW)))
				.isInstanceOf(EntityNotFoundException.class);
			assertThat(errorOf(() -> catalog().delete(type, id("unknown"), null, NOW)))
				.isInstanceOf(EntityNotFoundException.class);
		}
	}

	@Nested
	class ApplyingChanges {

		@EachEntityType
		void appliesChangeForUnknownEntity(EntityType type) {
			Entity incoming = versioned(sample(held(type), "x"), 5, false);
			assertThat(block(catalog().applyIfNewer(incoming))).isEqualTo(ApplyResult.APPLIED);
			assertSameEntity(stored(type, incoming.id()), incoming);
		}

		@EachEntityType
		void appliesNewerVersionAsAWhole(EntityType type) {
			Entity current = create(sample(held(type), "x"));
			Entity incoming = versioned(current.withChanges(change(type, "newer"), NOW), 3, false);
			assertThat(block(catalog().applyIfNewer(incoming))).isEqualTo(ApplyResult.APPLIED);
			Entity stored = stored(type, current.id());
			assertSameEntity(stored, incoming);
			assertThat(stored.value(clearedField(type))).as("a field the newer version lacks is gone").isNull();
		}

		@EachEntityType
		void ignoresEqualAndOlderVersions(EntityType type) {
			Entity current = create(versioned(sample(held(type), "x"), 4, false));
			Entity same = versioned(current.withChanges(change(type, "same"), NOW), 4, false);
			Entity older = versioned(current.withChanges(change(type, "older"), NOW), 3, false);
			assertThat(block(catalog().applyIfNewer(same))).isEqualTo(ApplyResult.STALE);
			assertThat(block(catalog().applyIfNewer(older))).isEqualTo(ApplyResult.STALE);
			assertSameEntity(stored(type, current.id()), current);
		}

		@EachEntityType
		void newerTombstoneDeletes(EntityType type) {
			List<Entity> data = seed(held(type));
			Entity victim = data.get(0);
			assertThat(block(catalog().applyIfNewer(victim.toTombstone(NOW)))).isEqualTo(ApplyResult.APPLIED);
			assertThat(get(type, victim.id())).isEmpty();
			assertThat(ids(list(type, PageRequest.first(100)))).doesNotContain(victim.id());
		}

		@EachEntityType
		void olderLiveChangeAfterTombstoneStaysDeleted(EntityType type) {
			Entity entity = create(sample(held(type), "x"));
			Entity tombstone = block(catalog().delete(type, entity.id(), null, NOW));
			Entity late = versioned(entity.withChanges(change(type, "late"), NOW), tombstone.version() - 1, false);
			assertThat(block(catalog().applyIfNewer(late))).isEqualTo(ApplyResult.STALE);
			assertThat(block(catalog().applyIfNewer(tombstone))).isEqualTo(ApplyResult.STALE);
			assertThat(get(type, entity.id())).isEmpty();
		}

		@EachEntityType
		void tombstoneOfUnknownEntityIsKeptAgainstOlderChanges(EntityType type) {
			Entity entity = sample(held(type), "x");
			Entity tombstone = versioned(entity, 3, true);
			assertThat(block(catalog().applyIfNewer(tombstone))).isEqualTo(ApplyResult.APPLIED);
			assertThat(block(catalog().applyIfNewer(versioned(entity, 2, false)))).isEqualTo(ApplyResult.STALE);
			assertThat(get(type, entity.id())).isEmpty();
			assertThat(block(catalog().applyIfNewer(versioned(entity, 4, false)))).isEqualTo(ApplyResult.APPLIED);
			assertThat(stored(type, entity.id()).version()).isEqualTo(4);
		}

		@EachEntityType
		void shuffledDuplicatedDeliveriesEndAtTheNewest(EntityType type) {
			Entity base = sample(held(type), "x");
			List<Long> deliveries = shuffledVersions();
			long newest = Collections.max(deliveries);
			long seen = 0;
			for (long version : deliveries) {
				ApplyResult expected = (version > seen) ? ApplyResult.APPLIED : ApplyResult.STALE;
				seen = Math.max(seen, version);
				assertThat(block(catalog().applyIfNewer(delivery(base, version, false))))
					.as("result of delivering version %d after %s", version, deliveries).isEqualTo(expected);
			}
			assertSameEntity(stored(type, base.id()), delivery(base, newest, false));
		}

		@EachEntityType
		void shuffledDeliveriesEndingInATombstoneLeaveItDeleted(EntityType type) {
			Entity base = sample(held(type), "x");
			List<Long> deliveries = shuffledVersions();
			long newest = Collections.max(deliveries);
			for (long version : deliveries) {
				block(catalog().applyIfNewer(delivery(base, version, version == newest)));
			}
			assertThat(get(type, base.id())).isEmpty();
			assertThat(block(catalog().applyIfNewer(delivery(base, newest, false)))).isEqualTo(ApplyResult.STALE);
		}

		@EachEntityType
		void concurrentDeliveriesEndAtTheNewest(EntityType type) {
			Entity base = sample(held(type), "x");
			List<Long> deliveries = shuffledVersions();
			long newest = Collections.max(deliveries);
			List<ApplyResult> results = block(Flux.fromIterable(deliveries)
				.flatMap(version -> Mono.defer(() -> catalog().applyIfNewer(delivery(base, version, false)))
					.subscribeOn(Schedulers.parallel()))
				.collectList());
			assertThat(results).contains(ApplyResult.APPLIED).hasSize(deliveries.size());
			assertSameEntity(stored(type, base.id()), delivery(base, newest, false));
		}

		private List<Long> shuffledVersions() {
			List<Long> versions = new ArrayList<>(List.of(1L, 2L, 2L, 3L, 4L, 5L, 5L, 6L, 7L, 3L, 8L, 8L, 1L));
			Collections.shuffle(versions, new Random(20240301));
			return versions;
		}

		private Entity delivery(Entity base, long version, boolean deleted) {
			return versioned(base.withChanges(change(base.type(), "v" + version), at((int) version)), version, deleted);
		}
	}

	@Nested
	class RoundTrips {

		@Test
		void keepsEveryCustomerFieldThroughEveryReadPath() {
			held(CUSTOMER);
			Entity customer = customer("rt", "Zoë O'Brien \"the 2nd\" \\ 😀 ; --", "zoë+tag@example.com",
					"+44 (0)20 7946 0000", SampleEntities.richMetadata(), Instant.parse("2024-02-29T23:59:59.001Z"),
					Instant.parse("2024-03-01T00:00:00.999Z"));
			assertReadsBack(customer);
		}

		@Test
		void keepsEveryInvoiceFieldThroughEveryReadPath() {
			held(INVOICE);
			Entity invoice = invoice("rt", "c1", "INV-Ü/2024#1", "19.90", "EUR", InvoiceStatus.UNCOLLECTIBLE,
					Instant.parse("2024-01-31T12:00:00.001Z"), Instant.parse("2099-12-31T23:59:59.999Z"), at(7), at(8));
			assertReadsBack(invoice);
		}

		@EachEntityType
		void keepsMissingOptionalFieldsMissing(EntityType type) {
			Map<String, Object> clear = new HashMap<>();
			type.attributes().stream().filter(field -> !field.required()).forEach(field -> clear.put(field.name(), null));
			Entity bare = versioned(sample(held(type), "bare").withChanges(clear, at(100)), 1, false);
			assertThat(bare.attributes().keySet()).doesNotContainAnyElementsOf(clear.keySet());
			assertReadsBack(bare);
		}

		@Test
		void keepsDecimalValuesExactly() {
			held(INVOICE);
			List<String> amounts = List.of("0", "0.01", "19.90", "1000000", "123456789012.3456");
			List<Entity> invoices = IntStream.range(0, amounts.size()).mapToObj(i -> invoice("amount" + i, "c1",
					"INV-A" + i, amounts.get(i), "EUR", InvoiceStatus.OPEN, null, null, at(i), at(i))).toList();
			invoices.forEach(AbstractCatalogContractTests.this::create);
			for (Entity invoice : invoices) {
				BigDecimal amount = stored(INVOICE, invoice.id()).get(Invoice.AMOUNT);
				assertThat(amount).isEqualByComparingTo(invoice.<BigDecimal>get(Invoice.AMOUNT));
			}
		}

		private void assertReadsBack(Entity entity) {
			EntityType type = entity.type();
			assertSameEntity(create(entity), entity);
			assertSameEntity(stored(type, entity.id()), entity);
			assertThat(getMany(type, List.of(entity.id()))).singleElement()
				.satisfies(found -> assertSameEntity(found, entity));
			assertThat(list(type, PageRequest.first(10)).items()).singleElement()
				.satisfies(listed -> assertSameEntity(listed, entity));
		}
	}
}
