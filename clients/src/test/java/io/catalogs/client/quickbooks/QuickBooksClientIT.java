package io.catalogs.client.quickbooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.catalogs.client.fake.FakeHttpServer;
import io.catalogs.client.fake.FakeQuickBooks;
import io.catalogs.client.fake.FakeServers;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.http.PermanentClientException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QuickBooks client against a local server speaking the Accounting API as Intuit's reference
 * documents it (no official OpenAPI file exists to validate against).
 */
class QuickBooksClientIT {

	private final FakeHttpServer server = FakeServers.quickbooks();

	private final FakeQuickBooks quickbooks = FakeServers.quickbooksVendor();

	private final QuickBooksClient client = QuickBooksTestClients.client("books");

	@BeforeEach
	void reset() {
		this.server.reset();
	}

	@Test
	void aRepeatedCreateWithTheSameRequestIdReturnsTheFirstCustomer() {
		IdempotencyKey key = IdempotencyKey.forEvent("customer", "q-1", 1, "create");
		QuickBooksCustomer fields = QuickBooksCustomer.of("Ada Lovelace", "ada@example.com", "+44 20", "catalogs-id=q-1;version=1");
		QuickBooksCustomer first = this.client.customers().create(fields, key).block();
		QuickBooksCustomer second = this.client.customers().create(fields, key).block();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(first.emailAddress()).isEqualTo("ada@example.com");
		assertThat(first.metaData().createTime()).isNotNull();
		assertThat(this.quickbooks.entities("Customer")).hasSize(1);
		assertThat(this.server.received()).filteredOn((r) -> r.method().equals("POST") && r.path().endsWith("/customer"))
			.allSatisfy((r) -> {
				assertThat(r.queryParam("requestid")).isEqualTo(key.value());
				assertThat(r.queryParam("minorversion")).isEqualTo("75");
			});
	}

	@Test
	void readsUpdatesAndDeactivatesCustomers() {
		QuickBooksCustomer created = this.client.customers()
			.create(QuickBooksCustomer.of("Grace Hopper", "grace@example.com", null, null), IdempotencyKey.of("q-2"))
			.block();
		QuickBooksCustomer updated = this.client.customers()
			.update(QuickBooksCustomer.of(null, "g@navy.mil", null, null).asUpdateOf(created.id(), created.syncToken()))
			.block();
		assertThat(updated.emailAddress()).isEqualTo("g@navy.mil");
		assertThat(updated.displayName()).isEqualTo("Grace Hopper");
		assertThat(updated.syncToken()).isEqualTo("1");
		StepVerifier.create(this.client.customers().update(QuickBooksCustomer.of(null, "x@y.z", null, null).asUpdateOf(created.id(), "0")))
			.expectErrorSatisfies((error) -> assertThat(((PermanentClientException) error).status()).isEqualTo(400))
			.verify();
		assertThat(this.client.deactivateCustomer(created.id(), "1").block().active()).isFalse();
		StepVerifier.create(this.client.customers().get(created.id()))
			.assertNext((read) -> assertThat(read.active()).isFalse())
			.verifyComplete();
		StepVerifier.create(this.client.customers().get("999")).verifyComplete();
	}

	@Test
	void aDuplicateDisplayNameIsAPermanentError() {
		this.client.customers().create(QuickBooksCustomer.of("Same Name", null, null, null), IdempotencyKey.of("d-1")).block();
		StepVerifier.create(this.client.customers().create(QuickBooksCustomer.of("Same Name", null, null, null), IdempotencyKey.of("d-2")))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(PermanentClientException.class);
				assertThat(error.getMessage()).doesNotContain("Duplicate Name");
			})
			.verify();
		assertThat(this.server.received()).hasSize(3);
	}

	@Test
	void pagesThroughQueriesWithStartPositionAndMaxResults() {
		for (int i = 0; i < 5; i++) {
			this.client.customers().create(QuickBooksCustomer.of("C" + i, null, null, null), IdempotencyKey.of("p-" + i)).block();
		}
		assertThat(this.client.customers().all(null, 2).map(QuickBooksCustomer::displayName).collectList().block())
			.containsExactly("C0", "C1", "C2", "C3", "C4");
		assertThat(this.server.received()).filteredOn((r) -> r.path().endsWith("/query"))
			.extracting((r) -> r.queryParam("query"))
			.containsExactly("select * from Customer STARTPOSITION 1 MAXRESULTS 2", "select * from Customer STARTPOSITION 3 MAXRESULTS 2",
					"select * from Customer STARTPOSITION 5 MAXRESULTS 2");
		assertThat(this.client.customers().query("DisplayName = " + QuickBooksClient.literal("C3"), 1, 10).block().items())
			.extracting(QuickBooksCustomer::displayName)
			.containsExactly("C3");
	}

	@Test
	void createsQueriesVoidsAndDeletesInvoices() {
		QuickBooksCustomer customer = this.client.customers()
			.create(QuickBooksCustomer.of("Buyer", null, null, null), IdempotencyKey.of("buyer"))
			.block();
		QuickBooksInvoice created = this.client.invoices()
			.create(QuickBooksInvoice.of("INV-1", customer.id(), this.client.invoiceItemId(), new BigDecimal("99.50"), "USD",
					LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 31), "catalogs-id=i-1;version=1"), IdempotencyKey.of("inv-1"))
			.block();
		assertThat(created.totalAmt()).isEqualByComparingTo("99.50");
		assertThat(created.dueDate()).isEqualTo(LocalDate.of(2030, 1, 31));
		assertThat(this.client.invoices().query("DocNumber = 'INV-1'", 1, 10).block().items()).extracting(QuickBooksInvoice::id)
			.containsExactly(created.id());
		StepVerifier.create(this.client.invoices().operation("void", created.id(), created.syncToken())).verifyComplete();
		QuickBooksInvoice voided = this.client.invoices().get(created.id()).block();
		assertThat(voided.totalAmt()).isEqualByComparingTo("0");
		StepVerifier.create(this.client.invoices().operation("delete", voided.id(), voided.syncToken())).verifyComplete();
		StepVerifier.create(this.client.invoices().get(created.id())).verifyComplete();
		assertThat(this.client.invoices().deletedSince(OffsetDateTime.now().minusMinutes(5)).collectList().block())
			.singleElement().satisfies((deleted) -> {
				assertThat(deleted.id()).isEqualTo(created.id());
				assertThat(deleted.deletedAt()).isAfter(OffsetDateTime.now().minusMinutes(5));
			});
		assertThat(this.client.invoices().deletedSince(OffsetDateTime.now().plusMinutes(5)).collectList().block()).isEmpty();
		assertThat(this.server.received()).filteredOn((r) -> r.path().endsWith("/cdc")).first()
			.satisfies((r) -> assertThat(r.queryParam("entities")).isEqualTo("Invoice"));
	}

	@Test
	void queriesByLastUpdatedTimeInOrderAndListInactiveCustomersOnlyWhenAsked() {
		for (int i = 0; i < 3; i++) {
			this.client.customers().create(QuickBooksCustomer.of("T" + i, null, null, null), IdempotencyKey.of("t-" + i)).block();
		}
		QuickBooksCustomer first = this.client.customers().query("DisplayName = 'T0'", 1, 1).block().items().get(0);
		this.client.deactivateCustomer(first.id(), first.syncToken()).block();
		String since = QuickBooksClient.literal(OffsetDateTime.now().minusMinutes(5).withNano(0).toString());
		assertThat(this.client.customers().query("MetaData.LastUpdatedTime >= " + since, "MetaData.LastUpdatedTime", 1, 10)
			.block().items()).extracting(QuickBooksCustomer::displayName).containsExactly("T1", "T2");
		assertThat(this.client.customers().query("Active in (true, false) and MetaData.LastUpdatedTime >= " + since,
				"MetaData.LastUpdatedTime", 1, 10).block().items())
			.extracting((customer) -> customer.metaData().lastUpdatedTime()).hasSize(3).isSorted();
		assertThat(this.server.received()).extracting((r) -> r.queryParam("query")).contains("select * from Customer where "
				+ "MetaData.LastUpdatedTime >= " + since + " orderby MetaData.LastUpdatedTime STARTPOSITION 1 MAXRESULTS 10");
	}
}
