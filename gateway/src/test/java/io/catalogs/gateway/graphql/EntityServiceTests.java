package io.catalogs.gateway.graphql;

import io.catalogs.gateway.sync.ChangeRecorder;
import io.catalogs.schema.Customer;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.Invoice;
import io.catalogs.schema.InvoiceStatus;
import io.catalogs.spi.CatalogDefinition;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.CatalogRole;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.UnknownCatalogException;
import io.catalogs.spi.VersionConflictException;
import io.catalogs.tck.InMemoryCatalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class EntityServiceTests {

	private static final Instant NOW = Instant.parse("2026-01-31T12:00:00.123Z");

	private final InMemoryCatalog main = new InMemoryCatalog(
			new CatalogDefinition("main", "memory", CatalogRole.PRIMARY, Set.copyOf(EntityTypes.all())),
			InMemoryCatalog.allCapabilities(EntityTypes.all()));

	private final InMemoryCatalog invoicesOnly = new InMemoryCatalog(
			new CatalogDefinition("ledger", "memory", CatalogRole.SECONDARY, Set.of(EntityTypes.INVOICE)),
			InMemoryCatalog.allCapabilities(EntityTypes.all()));

	private final EntityService service = new EntityService(
			CatalogRegistry.of(List.of(this.main, this.invoicesOnly), EntityTypes.all()),
			GraphQlPagingProperties.defaults(), new InputValidator(),
			new StaticListableBeanFactory(Map.of("clock", Clock.fixed(NOW, ZoneOffset.UTC))).getBeanProvider(Clock.class),
			ChangeRecorder.direct());

	@Test
	void createAssignsIdVersionAndTimestampsInThePrimary() {
		Customer created = createCustomer("Ann", "ann@example.com");
		assertThat(created.id()).isNotNull();
		assertThat(created.version()).isEqualTo(1);
		assertThat(created.createdAt()).isEqualTo(NOW);
		assertThat(created.updatedAt()).isEqualTo(NOW);
		assertThat(created.catalog()).isEqualTo("main");
		StepVerifier.create(this.main.get(EntityTypes.CUSTOMER, created.id()))
			.assertNext((entity) -> assertThat(entity.attributes()).containsEntry("email", "ann@example.com"))
			.verifyComplete();
	}

	@Test
	void createRejectsInvalidInputNamingTheField() {
		StepVerifier.create(this.service.create(EntityMappings.CUSTOMER, null, Map.of("name", "Ann", "email", "nope")))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidInputException.class)
				.extracting("field").isEqualTo("email"));
		StepVerifier.create(this.service.create(EntityMappings.CUSTOMER, null,
				Map.of("name", "Ann", "email", "a@b.co", "version", 3)))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidInputException.class)
				.extracting("field").isEqualTo("version"));
	}

	@Test
	void createInvoiceGeneratesNumberAndDefaultsToDraft() {
		Customer customer = createCustomer("Ann", "ann@example.com");
		Invoice invoice = createInvoice(null, customer, Map.of());
		assertThat(invoice.number()).startsWith("INV-20260131-");
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
		assertThat(invoice.amount()).isEqualByComparingTo("19.99");
		Invoice numbered = createInvoice(null, customer, Map.of("number", "A-1", "status", "OPEN"));
		assertThat(numbered.number()).isEqualTo("A-1");
		assertThat(numbered.status()).isEqualTo(InvoiceStatus.OPEN);
	}

	@Test
	void createInvoiceRequiresAnExistingCustomer() {
		Map<String, Object> input = Map.of("customerId", "6f1c1d0e-0000-4000-8000-000000000000", "amount",
				new BigDecimal("1"), "currency", "EUR");
		StepVerifier.create(this.service.create(EntityMappings.INVOICE, null, input))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ReferenceNotFoundException.class)
				.hasMessageContaining("6f1c1d0e-0000-4000-8000-000000000000")
				.extracting("field").isEqualTo("customerId"));
	}

	@Test
	void createInvoiceInACatalogWithoutCustomersChecksThePrimary() {
		Customer customer = createCustomer("Ann", "ann@example.com");
		Invoice invoice = createInvoice("ledger", customer, Map.of());
		assertThat(invoice.catalog()).isEqualTo("ledger");
	}

	@Test
	void updateChangesOnlyGivenFieldsAndClearsExplicitNulls() {
		Customer customer = this.service.create(EntityMappings.CUSTOMER, null,
				Map.of("name", "Ann", "email", "ann@example.com", "phone", "+1 555 0100")).block();
		Map<String, Object> patch = new HashMap<>();
		patch.put("name", "Anne");
		patch.put("phone", null);
		Customer updated = this.service.update(EntityMappings.CUSTOMER, null, customer.id().toString(), patch, 1).block();
		assertThat(updated.name()).isEqualTo("Anne");
		assertThat(updated.email()).isEqualTo("ann@example.com");
		assertThat(updated.phone()).isNull();
		assertThat(updated.version()).isEqualTo(2);
	}

	@Test
	void updateWithAStaleVersionConflicts() {
		Customer customer = createCustomer("Ann", "ann@example.com");
		StepVerifier.create(this.service.update(EntityMappings.CUSTOMER, null, customer.id().toString(),
				Map.of("name", "B"), 7))
			.verifyError(VersionConflictException.class);
	}

	@Test
	void updateOfAMissingEntityIsNotFound() {
		StepVerifier.create(this.service.update(EntityMappings.CUSTOMER, null, "6f1c1d0e-0000-4000-8000-000000000001",
				Map.of("name", "B"), null))
			.verifyError(EntityNotFoundException.class);
	}

	@Test
	void updateChecksDueAtAgainstTheStoredIssuedAt() {
		Customer customer = createCustomer("Ann", "ann@example.com");
		Invoice invoice = createInvoice(null, customer, Map.of("issuedAt", NOW));
		StepVerifier.create(this.service.update(EntityMappings.INVOICE, null, invoice.id().toString(),
				Map.of("dueAt", NOW.minusSeconds(1)), null))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidInputException.class)
				.extracting("field").isEqualTo("dueAt"));
		Invoice updated = this.service.update(EntityMappings.INVOICE, null, invoice.id().toString(),
				Map.of("dueAt", NOW.plusSeconds(1)), null).block();
		assertThat(updated.dueAt()).isEqualTo(NOW.plusSeconds(1));
	}

	@Test
	void getOfAMissingEntityCompletesEmpty() {
		StepVerifier.create(this.service.get(EntityMappings.CUSTOMER, null, "6f1c1d0e-0000-4000-8000-000000000002"))
			.verifyComplete();
		StepVerifier.create(this.service.get(EntityMappings.CUSTOMER, null, "not-an-id"))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidInputException.class)
				.extracting("field").isEqualTo("id"));
	}

	@Test
	void unknownAndUnsuitableCatalogsAreRefused() {
		StepVerifier.create(this.service.get(EntityMappings.CUSTOMER, "nowhere", "6f1c1d0e-0000-4000-8000-000000000002"))
			.verifyError(UnknownCatalogException.class);
		StepVerifier.create(this.service.get(EntityMappings.CUSTOMER, "ledger", "6f1c1d0e-0000-4000-8000-000000000002"))
			.verifyError(UnknownCatalogException.class);
	}

	@Test
	void listAppliesFilterOrderAndWindow() {
		createCustomer("Cid", "cid@example.com");
		createCustomer("Ann", "ann@example.com");
		createCustomer("Bob", "bob@other.org");
		EntityPage page = this.service.list(EntityMappings.CUSTOMER, null, Map.of("nameContains", "i"),
				Map.of("field", "NAME", "direction", "DESC"), new ConnectionArguments(1, null, null, null)).block();
		assertThat(page.nodes()).extracting("name").containsExactly("Cid");
		assertThat(page.page().hasNext()).isFalse();
		EntityPage all = this.service.list(EntityMappings.CUSTOMER, null, null, Map.of("field", "NAME"),
				new ConnectionArguments(2, null, null, null)).block();
		assertThat(all.nodes()).extracting("name").containsExactly("Ann", "Bob");
		assertThat(all.page().hasNext()).isTrue();
	}

	@Test
	void deleteReturnsTheIdAndHidesTheEntity() {
		Customer customer = createCustomer("Ann", "ann@example.com");
		StepVerifier.create(this.service.delete(EntityMappings.CUSTOMER, null, customer.id().toString(), 2))
			.verifyError(VersionConflictException.class);
		StepVerifier.create(this.service.delete(EntityMappings.CUSTOMER, null, customer.id().toString(), 1))
			.expectNext(customer.id().toString())
			.verifyComplete();
		StepVerifier.create(this.service.get(EntityMappings.CUSTOMER, null, customer.id().toString())).verifyComplete();
	}

	private Customer createCustomer(String name, String email) {
		return this.service.create(EntityMappings.CUSTOMER, null, Map.of("name", name, "email", email)).block();
	}

	private Invoice createInvoice(String catalog, Customer customer, Map<String, Object> more) {
		Map<String, Object> input = new HashMap<>(Map.of("customerId", customer.id().toString(), "amount",
				new BigDecimal("19.99"), "currency", "EUR"));
		input.putAll(more);
		return this.service.create(EntityMappings.INVOICE, catalog, input).block();
	}
}
