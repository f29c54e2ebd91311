package io.catalogs.tck;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldType;
import io.catalogs.schema.Invoice;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Operator;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;
import io.catalogs.spi.UnsupportedCapabilityException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static io.catalogs.schema.EntityTypes.CUSTOMER;
import static io.catalogs.schema.EntityTypes.INVOICE;
import static io.catalogs.tck.EntityAssertions.ids;
import static io.catalogs.tck.SampleEntities.at;
import static io.catalogs.tck.SampleEntities.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The listing half of the catalog contract: order, paging, filters, grouped listings and
 * capability refusals. Not extended directly: catalogs extend {@link AbstractCatalogContractTests},
 * which adds the write half; the split only keeps each file readable.
 */
public abstract class AbstractListingContractTests extends CatalogContractSupport {

	/** The time passed as "now" to writes. */
	protected static final Instant NOW = at(1000);

	@Nested
	class Ordering {

		@EachEntityType
		void listsByCreationTimeWithIdBreakingTies(EntityType type) {
			List<Entity> data = seed(held(type));
			Page page = assertListsLikeReference(type, data, PageRequest.first(100));
			Instant tie = data.get(2).createdAt();
			assertThat(data).as("the data has a createdAt tie").filteredOn(e -> e.createdAt().equals(tie)).hasSize(2);
			assertThat(page.items()).filteredOn(e -> e.createdAt().equals(tie)).extracting(e -> e.id().toString())
				.hasSize(2).isSorted();
			assertThat(page.hasPrevious()).isFalse();
			assertThat(page.hasNext()).isFalse();
		}

		@Test
		void missingValuesSortFirstAscendingAndLastDescending() {
			held(CUSTOMER);
			assumeDeclares(Capability.sort(CUSTOMER, Customer.PHONE));
			List<Entity> data = seed(CUSTOMER);
			List<UUID> withoutPhone = List.of(id("c2"), id("c5"));
			Page ascending = assertListsLikeReference(CUSTOMER, data, PageRequest.first(100).sortedBy(Sort.asc(Customer.PHONE)));
			assertThat(ids(ascending).subList(0, 2)).containsExactlyInAnyOrderElementsOf(withoutPhone);
			Page descending = assertListsLikeReference(CUSTOMER, data, PageRequest.first(100).sortedBy(Sort.desc(Customer.PHONE)));
			assertThat(ids(descending).subList(data.size() - 2, data.size())).containsExactlyInAnyOrderElementsOf(withoutPhone);
		}

		@Test
		void decimalsOrderByValue() {
			held(INVOICE);
			assumeDeclares(Capability.sort(INVOICE, Invoice.AMOUNT));
			List<Entity> data = seed(INVOICE);
			Page page = assertListsLikeReference(INVOICE, data, PageRequest.first(100).sortedBy(Sort.desc(Invoice.AMOUNT)));
			assertThat(page.items()).extracting(e -> e.<BigDecimal>get(Invoice.AMOUNT))
				.isSortedAccordingTo(Collections.reverseOrder(BigDecimal::compareTo));
		}

		/** Every declared order (and {@code createdAt}, which is basic) in both directions, listed whole and paged. */
		@TestFactory
		Stream<DynamicTest> listsAndPagesInEveryDeclaredOrder() {
			List<DynamicTest> tests = new ArrayList<>();
			for (EntityType type : heldTypes()) {
				List<Entity> data = seed(type);
				for (String field : sortFields(type)) {
					for (Sort sort : List.of(Sort.asc(field), Sort.desc(field))) {
						tests.add(DynamicTest.dynamicTest(type + " by " + sort, () -> checkOrder(type, data, sort)));
					}
				}
			}
			return tests.stream();
		}

		private List<String> sortFields(EntityType type) {
			Set<String> fields = new LinkedHashSet<>(List.of(Sort.DEFAULT.field()));
			declaredProbes(type, CapabilityProbes::isSort).forEach(probe -> fields.add(probe.field().name()));
			return List.copyOf(fields);
		}

		private void checkOrder(EntityType type, List<Entity> data, Sort sort) {
			PageRequest whole = PageRequest.first(100).sortedBy(sort);
			List<UUID> expected = ids(reference(data, whole).items());
			assertListsLikeReference(type, data, whole);
			assertThat(ids(pageForwards(type, data, PageRequest.first(2).sortedBy(sort)))).as("paged forwards")
				.containsExactlyElementsOf(expected);
			if (declares(Capability.BACKWARD_PAGING)) {
				assertThat(ids(pageBackwards(type, data, PageRequest.first(4).sortedBy(sort)))).as("paged backwards")
					.containsExactlyElementsOf(expected);
			}
		}
	}

	@Nested
	class Paging {

		@EachEntityType
		void firstPageHasNextButNoPrevious(EntityType type) {
			List<Entity> data = seed(held(type));
			Page page = assertListsLikeReference(type, data, PageRequest.first(2));
			assertThat(page.items()).hasSize(2);
			assertThat(page.hasPrevious()).isFalse();
			assertThat(page.hasNext()).isTrue();
		}

		@EachEntityType
		void lastPageHasPreviousButNoNext(EntityType type) {
			List<Entity> data = seed(held(type));
			List<Entity> ordered = reference(data, PageRequest.first(100)).items();
			Cursor after = cursor(type, ordered.get(ordered.size() - 3), Sort.DEFAULT);
			Page page = assertListsLikeReference(type, data, PageRequest.first(2).after(after));
			assertThat(ids(page)).containsExactlyElementsOf(ids(ordered.subList(ordered.size() - 2, ordered.size())));
			assertThat(page.hasPrevious()).isTrue();
			assertThat(page.hasNext()).isFalse();
		}

		@EachEntityType
		void pageEndingExactlyAtTheEndHasNoNext(EntityType type) {
			List<Entity> data = seed(held(type));
			Page page = assertListsLikeReference(type, data, PageRequest.first(data.size()));
			assertThat(page.items()).hasSize(data.size());
			assertThat(page.hasNext()).isFalse();
		}

		@EachEntityType
		void emptyListingHasNoNeighbours(EntityType type) {
			held(type);
			Page page = list(type, PageRequest.first(5));
			assertThat(page).isEqualTo(Page.empty());
			if (declares(Capability.BACKWARD_PAGING)) {
				assertThat(list(type, PageRequest.first(5).fromEnd())).isEqualTo(Page.empty());
			}
		}

		@EachEntityType
		void cursorOfDeletedEntityStillMarksItsPosition(EntityType type) {
			List<Entity> data = seed(held(type));
			List<Entity> ordered = reference(data, PageRequest.first(100)).items();
			Entity gone = ordered.get(2);
			Cursor after = cursor(type, gone, Sort.DEFAULT);
			block(catalog().delete(type, gone.id(), null, NOW));
			Page page = list(type, PageRequest.first(100).after(after));
			assertThat(ids(page)).containsExactlyElementsOf(ids(ordered.subList(3, ordered.size())));
			assertThat(page.hasPrevious()).isTrue();
		}

		@EachEntityType
		void lastItemsReadBackwardsFromTheEnd(EntityType type) {
			held(type);
			assumeDeclares(Capability.BACKWARD_PAGING);
			List<Entity> data = seed(type);
			List<Entity> ordered = reference(data, PageRequest.first(100)).items();
			Page page = assertListsLikeReference(type, data, PageRequest.first(2).fromEnd());
			assertThat(ids(page)).containsExactlyElementsOf(ids(ordered.subList(ordered.size() - 2, ordered.size())));
			assertThat(page.hasPrevious()).isTrue();
			assertThat(page.hasNext()).isFalse();
		}

		@EachEntityType
		void itemsBeforeACursorReadBackwardsHaveNext(EntityType type) {
			held(type);
			assumeDeclares(Capability.BACKWARD_PAGING);
			List<Entity> data = seed(type);
			List<Entity> ordered = reference(data, PageRequest.first(100)).items();
			Cursor before = cursor(type, ordered.get(2), Sort.DEFAULT);
			Page page = assertListsLikeReference(type, data, PageRequest.first(5).before(before).fromEnd());
			assertThat(ids(page)).containsExactlyElementsOf(ids(ordered.subList(0, 2)));
			assertThat(page.hasPrevious()).isFalse();
			assertThat(page.hasNext()).isTrue();
		}

		@EachEntityType
		void windowBetweenAfterAndBeforeForwards(EntityType type) {
			List<Entity> data = seed(held(type));
			List<Entity> ordered = reference(data, PageRequest.first(100)).items();
			PageRequest between = PageRequest.first(2).after(cursor(type, ordered.get(0), Sort.DEFAULT))
				.before(cursor(type, ordered.get(4), Sort.DEFAULT));
			Page page = assertListsLikeReference(type, data, between);
			assertThat(ids(page)).containsExactlyElementsOf(ids(ordered.subList(1, 3)));
			Page all = assertListsLikeReference(type, data, new PageRequest(List.of(), Sort.DEFAULT, between.after(),
					between.before(), 10, false));
			assertThat(ids(all)).containsExactlyElementsOf(ids(ordered.subList(1, 4)));
		}

		@EachEntityType
		void windowBetweenAfterAndBeforeBackwards(EntityType type) {
			held(type);
			assumeDeclares(Capability.BACKWARD_PAGING);
			List<Entity> data = seed(type);
			List<Entity> ordered = reference(data, PageRequest.first(100)).items();
			PageRequest between = PageRequest.first(2).after(cursor(type, ordered.get(0), Sort.DEFAULT))
				.before(cursor(type, ordered.get(4), Sort.DEFAULT)).fromEnd();
			Page page = assertListsLikeReference(type, data, between);
			assertThat(ids(page)).containsExactlyElementsOf(ids(ordered.subList(2, 4)));
			assertThat(page.hasPrevious()).isTrue();
			assertThat(page.hasNext()).isTrue();
		}

		@EachEntityType
		void pagesWithinAFilter(EntityType type) {
			held(type);
			assumeDeclares(Capability.filter(type, EntityType.CREATED_AT, Operator.GT));
			List<Entity> data = seed(type);
			Condition condition = Condition.gt(EntityType.CREATED_AT, data.get(1).createdAt());
			PageRequest request = PageRequest.first(2).where(condition);
			List<UUID> expected = ids(reference(data, PageRequest.first(100).where(condition)).items());
			assertThat(expected).hasSizeBetween(3, data.size() - 1);
			assertThat(ids(pageForwards(type, data, request))).containsExactlyElementsOf(expected);
		}
	}

	@Nested
	class Filtering {

		/** Each declared filter, probed with several values, gives exactly what the reference semantics give. */
		@TestFactory
		Stream<DynamicTest> eachDeclaredFilterMatchesTheReference() {
			List<DynamicTest> tests = new ArrayList<>();
			for (EntityType type : heldTypes()) {
				List<Entity> data = seed(type);
				declaredProbes(type, CapabilityProbes::isFilter).forEach(probe -> tests.add(DynamicTest.dynamicTest(
						probe.capability().name(), () -> probe.conditions(data).forEach(condition ->
							assertListsLikeReference(type, data, PageRequest.first(100).where(condition))))));
			}
			assumeFalse(tests.isEmpty(), "the catalog declares no filter");
			return tests.stream();
		}

		@Test
		void containsIgnoresCase() {
			held(CUSTOMER);
			assumeDeclares(Capability.filter(CUSTOMER, Customer.NAME, Operator.CONTAINS),
					Capability.filter(CUSTOMER, Customer.EMAIL, Operator.CONTAINS));
			List<Entity> data = seed(CUSTOMER);
			assertThat(ids(assertListsLikeReference(CUSTOMER, data, PageRequest.first(10)
				.where(Condition.contains(Customer.NAME, "gRA"))))).containsExactly(id("c2"), id("c4"));
			assertThat(ids(assertListsLikeReference(CUSTOMER, data, PageRequest.first(10)
				.where(Condition.contains(Customer.EMAIL, "EXAMPLE.ORG"))))).containsExactlyInAnyOrder(id("c3"), id("c4"));
		}

		@Test
		void decimalsCompareByValueWhateverTheScale() {
			held(INVOICE);
			assumeDeclares(Capability.filter(INVOICE, Invoice.AMOUNT, Operator.EQ),
					Capability.filter(INVOICE, Invoice.AMOUNT, Operator.GT));
			List<Entity> data = seed(INVOICE);
			assertThat(ids(assertListsLikeReference(INVOICE, data, PageRequest.first(10)
				.where(Condition.eq(Invoice.AMOUNT, new BigDecimal("19.9")))))).containsExactlyInAnyOrder(id("i2"), id("i3"));
			assertThat(ids(assertListsLikeReference(INVOICE, data, PageRequest.first(10)
				.where(Condition.eq(Invoice.AMOUNT, new BigDecimal("100.000")))))).containsExactlyInAnyOrder(id("i1"), id("i7"));
			assertThat(ids(assertListsLikeReference(INVOICE, data, PageRequest.first(10)
				.where(Condition.gt(Invoice.AMOUNT, new BigDecimal("99.999")))))).containsExactlyInAnyOrder(id("i1"), id("i4"),
						id("i6"), id("i7"));
		}

		@Test
		void missingValuesNeverMatch() {
			held(CUSTOMER);
			assumeDeclares(Capability.filter(CUSTOMER, Customer.PHONE, Operator.GTE));
			List<Entity> data = seed(CUSTOMER);
			assertThat(ids(assertListsLikeReference(CUSTOMER, data, PageRequest.first(10)
				.where(Condition.gte(Customer.PHONE, ""))))).containsExactly(id("c1"), id("c3"), id("c4"), id("c6"));
		}

		@Test
		void combinedCustomerFiltersMustAllHold() {
			held(CUSTOMER);
			assumeDeclares(Capability.filter(CUSTOMER, Customer.NAME, Operator.EQ),
					Capability.filter(CUSTOMER, EntityType.UPDATED_AT, Operator.GT));
			List<Entity> data = seed(CUSTOMER);
			assertThat(ids(assertListsLikeReference(CUSTOMER, data, PageRequest.first(10)
				.where(Condition.eq(Customer.NAME, "Grace"), Condition.gt(EntityType.UPDATED_AT, at(10))))))
				.containsExactly(id("c4"));
		}

		@Test
		void combinedInvoiceFiltersMustAllHold() {
			held(INVOICE);
			assumeDeclares(Capability.filter(INVOICE, Invoice.STATUS, Operator.EQ),
					Capability.filter(INVOICE, Invoice.AMOUNT, Operator.GTE),
					Capability.filter(INVOICE, Invoice.CUSTOMER_ID, Operator.EQ));
			List<Entity> data = seed(INVOICE);
			assertThat(ids(assertListsLikeReference(INVOICE, data, PageRequest.first(10).where(
					Condition.eq(Invoice.STATUS, "OPEN"), Condition.gte(Invoice.AMOUNT, new BigDecimal("19.9")),
					Condition.eq(Invoice.CUSTOMER_ID, id("c1")))))).containsExactly(id("i2"), id("i7"));
		}
	}

	@Nested
	class GroupedListing {

		@Test
		void everyRequestedValueIsAKeyWithItsOwnPage() {
			List<Entity> data = seedInvoicesForGrouping();
			List<UUID> customers = List.of(id("c1"), id("c2"), id("c3"), id("c4"), id("unknown"));
			Map<Object, Page> pages = assertGroupedLikeReference(data, customers, PageRequest.first(10));
			assertThat(pages.get(id("c4"))).isEqualTo(Page.empty());
			assertThat(pages.get(id("unknown"))).isEqualTo(Page.empty());
			assertThat(ids(pages.get(id("c1")))).containsExactlyInAnyOrder(id("i1"), id("i2"), id("i3"), id("i7"));
		}

		@Test
		void limitAppliesToEachGroup() {
			List<Entity> data = seedInvoicesForGrouping();
			Map<Object, Page> pages = assertGroupedLikeReference(data, List.of(id("c1"), id("c2")), PageRequest.first(2));
			assertThat(pages.get(id("c1")).items()).hasSize(2);
			assertThat(pages.get(id("c1")).hasNext()).isTrue();
			assertThat(pages.get(id("c2")).items()).hasSize(2);
			assertThat(pages.get(id("c2")).hasNext()).isFalse();
		}

		@Test
		void filterAppliesToEachGroup() {
			List<Entity> data = seedInvoicesForGrouping();
			assumeDeclares(Capability.filter(INVOICE, Invoice.STATUS, Operator.EQ));
			Map<Object, Page> pages = assertGroupedLikeReference(data, List.of(id("c1"), id("c2"), id("c3")),
					PageRequest.first(10).where(Condition.eq(Invoice.STATUS, "OPEN")));
			assertThat(ids(pages.get(id("c1")))).containsExactly(id("i2"), id("i7"));
			assertThat(ids(pages.get(id("c2")))).containsExactly(id("i4"));
			assertThat(pages.get(id("c3")).items()).isEmpty();
		}

		@Test
		void cursorAppliesToEachGroup() {
			List<Entity> data = seedInvoicesForGrouping();
			Page first = listGrouped(INVOICE, Invoice.CUSTOMER_ID, List.of(id("c1")), PageRequest.first(2)).get(id("c1"));
			Cursor after = cursor(INVOICE, first.items().get(1), Sort.DEFAULT);
			Map<Object, Page> pages = assertGroupedLikeReference(data, List.of(id("c1"), id("c2")),
					PageRequest.first(10).after(after));
			assertThat(ids(pages.get(id("c1")))).hasSize(2).doesNotContainAnyElementsOf(ids(first));
			assertThat(pages.get(id("c1")).hasPrevious()).isTrue();
		}

		@Test
		void orderAppliesToEachGroup() {
			List<Entity> data = seedInvoicesForGrouping();
			assumeDeclares(Capability.sort(INVOICE, Invoice.AMOUNT));
			Map<Object, Page> pages = assertGroupedLikeReference(data, List.of(id("c1"), id("c3")),
					PageRequest.first(3).sortedBy(Sort.desc(Invoice.AMOUNT)));
			assertThat(ids(pages.get(id("c3")))).containsExactly(id("i6"), id("i8"));
		}

		@Test
		void groupsCustomersByTextLeavingTombstonesOut() {
			held(CUSTOMER);
			assumeDeclares(Capability.filter(CUSTOMER, Customer.NAME, Operator.EQ));
			List<Entity> data = seed(CUSTOMER);
			List<String> names = List.of("Grace", "Ada", "Nobody");
			Map<Object, Page> pages = listGrouped(CUSTOMER, Customer.NAME, names, PageRequest.first(10));
			assertThat(pages).containsOnlyKeys(names);
			names.forEach(name -> assertSamePage(pages.get(name),
					reference(data, PageRequest.first(10).where(Condition.eq(Customer.NAME, name))), "group " + name));
			assertThat(ids(pages.get("Ada"))).containsExactly(id("c1"));
		}

		@Test
		void refusesBackwardWindows() {
			seedInvoicesForGrouping();
			assertThat(errorOf(() -> catalog().listGrouped(INVOICE, Invoice.CUSTOMER_ID, List.of(id("c1")),
					PageRequest.first(2).fromEnd())))
				.isInstanceOfAny(IllegalArgumentException.class, UnsupportedCapabilityException.class);
		}

		private List<Entity> seedInvoicesForGrouping() {
			held(INVOICE);
			assumeDeclares(Capability.filter(INVOICE, Invoice.CUSTOMER_ID, Operator.EQ));
			return seed(INVOICE);
		}

		private Map<Object, Page> assertGroupedLikeReference(List<Entity> data, List<UUID> customers,
				PageRequest request) {
			Map<Object, Page> pages = listGrouped(INVOICE, Invoice.CUSTOMER_ID, customers, request);
			assertThat(pages).containsOnlyKeys(customers);
			for (UUID customer : customers) {
				assertSamePage(pages.get(customer),
						reference(data, request.where(Condition.eq(Invoice.CUSTOMER_ID, customer))),
						"group " + customer + " of " + describe(request));
			}
			return pages;
		}
	}

	@Nested
	class ListingsFollowWrites {

		@Test
		void customerFiltersSeeUpdatesDeletesAndAppliedChanges() {
			held(CUSTOMER);
			Capability byEmail = Capability.filter(CUSTOMER, Customer.EMAIL, Operator.EQ);
			assumeDeclares(byEmail);
			seed(CUSTOMER);
			block(catalog().update(CUSTOMER, id("c1"), Map.of(Customer.EMAIL, "ada.new@example.com"), null, NOW));
			assertThat(customersWithEmail("ada@example.com")).isEmpty();
			assertThat(customersWithEmail("ada.new@example.com")).containsExactly(id("c1"));
			Entity c6 = stored(CUSTOMER, id("c6"));
			block(catalog().applyIfNewer(versioned(c6.withChanges(Map.of(Customer.EMAIL, "ada@example.com"), NOW), 7, false)));
			assertThat(customersWithEmail("ada@example.com")).containsExactly(id("c6"));
			block(catalog().delete(CUSTOMER, id("c6"), null, NOW));
			assertThat(customersWithEmail("ada@example.com")).isEmpty();
		}

		@Test
		void invoiceFiltersAndGroupsSeeUpdatesAndAppliedChanges() {
			held(INVOICE);
			assumeDeclares(Capability.filter(INVOICE, Invoice.STATUS, Operator.EQ),
					Capability.filter(INVOICE, Invoice.CUSTOMER_ID, Operator.EQ));
			seed(INVOICE);
			block(catalog().update(INVOICE, id("i2"), Map.of(Invoice.STATUS, "PAID"), null, NOW));
			assertThat(ids(list(INVOICE, PageRequest.first(10).where(Condition.eq(Invoice.STATUS, "OPEN")))))
				.containsExactly(id("i4"), id("i7"));
			Entity i3 = stored(INVOICE, id("i3"));
			block(catalog().applyIfNewer(versioned(i3.withChanges(Map.of(Invoice.CUSTOMER_ID, id("c2")), NOW), 2, false)));
			Map<Object, Page> pages = listGrouped(INVOICE, Invoice.CUSTOMER_ID, List.of(id("c1"), id("c2")),
					PageRequest.first(10));
			assertThat(ids(pages.get(id("c1")))).containsExactly(id("i1"), id("i2"), id("i7"));
			assertThat(ids(pages.get(id("c2")))).containsExactly(id("i3"), id("i4"), id("i5"));
		}

		@EachEntityType
		void orderSeesNewValues(EntityType type) {
			held(type);
			assumeDeclares(Capability.sort(type, EntityType.UPDATED_AT));
			List<Entity> data = seed(type);
			Entity oldest = data.get(0);
			block(catalog().update(type, oldest.id(), Map.of(), null, NOW));
			Page page = list(type, PageRequest.first(2).sortedBy(Sort.desc(EntityType.UPDATED_AT)));
			assertThat(ids(page).get(0)).isEqualTo(oldest.id());
		}

		private List<UUID> customersWithEmail(String email) {
			return ids(list(CUSTOMER, PageRequest.first(10).where(Condition.eq(Customer.EMAIL, email))));
		}
	}

	@Nested
	class Capabilities {

		/** A listing that needs a capability the catalog does not declare is refused, naming it. */
		@TestFactory
		Stream<DynamicTest> refusesEveryUndeclaredCapability() {
			List<CapabilityProbes> missing = undeclared();
			assumeFalse(missing.isEmpty(), "the catalog declares every known capability");
			List<DynamicTest> tests = new ArrayList<>();
			for (CapabilityProbes probe : missing) {
				List<EntityType> types = (probe.type() != null) ? List.of(probe.type()) : heldTypes();
				PageRequest request = probe.request().orElseThrow();
				for (EntityType type : types) {
					tests.add(DynamicTest.dynamicTest(type + " refuses " + probe.capability(), () -> assertRefused(
							errorOf(() -> catalog().list(type, request)), probe.capability())));
				}
				if (INVOICE.equals(probe.type()) && !probe.capability().equals(Capability.BACKWARD_PAGING)) {
					tests.add(DynamicTest.dynamicTest("grouped invoices refuse " + probe.capability(),
							() -> assertRefused(errorOf(() -> catalog().listGrouped(INVOICE, Invoice.CUSTOMER_ID,
									List.of(id("c1")), request)), probe.capability())));
				}
			}
			return tests.stream();
		}

		@EachEntityType
		void rejectsUnknownFieldBySignallingIllegalArgument(EntityType type) {
			held(type);
			assertThat(errorOf(() -> catalog().list(type, PageRequest.first(5).where(Condition.eq("noSuchField", "x")))))
				.isInstanceOf(IllegalArgumentException.class);
		}

		private void assertRefused(Throwable error, Capability capability) {
			assertThat(error).isInstanceOfSatisfying(UnsupportedCapabilityException.class, refusal -> {
				assertThat(refusal.capability()).isEqualTo(capability);
				assertThat(refusal.catalog()).isEqualTo(catalog().definition().name());
			});
		}

		/** Known listing capabilities of held types not declared; ordering by createdAt is basic, transactions are no listing. */
		private List<CapabilityProbes> undeclared() {
			Set<Capability> known = InMemoryCatalog.allCapabilities(heldTypes());
			known.removeAll(catalog().capabilities());
			known.remove(Capability.TRANSACTIONS);
			heldTypes().forEach(type -> known.remove(Capability.sort(type, EntityType.CREATED_AT)));
			return known.stream().map(CapabilityProbes::of).flatMap(Optional::stream).toList();
		}
	}

	/** The probes of the declared capabilities of {@code type} that {@code kind} accepts, JSON fields left out. */
	protected Stream<CapabilityProbes> declaredProbes(EntityType type, java.util.function.Predicate<CapabilityProbes> kind) {
		return catalog().capabilities().stream().sorted(java.util.Comparator.comparing(Capability::name))
			.map(CapabilityProbes::of).flatMap(Optional::stream)
			.filter(probe -> type.equals(probe.type()) && probe.field().type() != FieldType.JSON).filter(kind);
	}
}
