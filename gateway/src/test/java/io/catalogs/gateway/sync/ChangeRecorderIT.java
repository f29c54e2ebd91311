package io.catalogs.gateway.sync;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.VersionConflictException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write and its outbox row commit together or not at all: in one transaction for the primary on the
 * control store's database, through the intent protocol for any other catalog.
 */
class ChangeRecorderIT extends SyncTestSupport {

	@Autowired
	ChangeRecorder recorder;

	@Test
	void thePrimaryOnTheControlStoresDatabaseSharesItsTransactions() {
		assertThat(this.store.sharingCatalogs()).containsExactly("postgres");
		assertThat(this.store.sharedWith(catalog("mongo"))).isEmpty();
	}

	@Test
	void aWriteAndItsOutboxRowRollBackTogether() {
		Catalog postgres = catalog("postgres");
		Entity customer = customer();
		Mono<Entity> failingTransaction = this.recorder.create(postgres, customer)
			.then(Mono.<Entity>error(new IllegalStateException("the surrounding transaction fails")));
		StepVerifier.create(this.store.sharedWith(postgres).orElseThrow().transactions().transactional(failingTransaction))
			.verifyErrorMessage("the surrounding transaction fails");
		assertThat(read("postgres", EntityTypes.CUSTOMER, customer.id())).isNull();
		assertThat(outboxRows(customer.id())).isZero();
		assertThat(syncEvents(customer.id())).isEmpty();

		this.recorder.create(postgres, customer).block(Duration.ofSeconds(10));
		assertThat(outboxRows(customer.id())).isOne();
		assertThat(syncEvents(customer.id())).extracting(SyncEventRecord::target)
			.containsExactlyInAnyOrder("mongo", "redis", "flaky");
		awaitEverywhere(EntityTypes.CUSTOMER, customer.id(), 1L);
	}

	@Test
	void aWriteThatFailsRecordsNothingInEitherProtocol() {
		for (String name : new String[] { "postgres", "mongo" }) {
			Catalog catalog = catalog(name);
			Entity customer = this.recorder.create(catalog, customer()).block(Duration.ofSeconds(10));
			StepVerifier.create(this.recorder.update(catalog, EntityTypes.CUSTOMER, customer.id(),
					Map.of(Customer.PHONE, "+1"), 7L, Instant.now()))
				.verifyError(VersionConflictException.class);
			assertThat(outboxRows(customer.id())).as(name).isOne();
			assertThat(read(name, EntityTypes.CUSTOMER, customer.id()).version()).isEqualTo(1);
		}
	}

	private static Entity customer() {
		String token = token();
		return Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), Instant.now(),
				Map.of(Customer.NAME, "Recorded " + token, Customer.EMAIL, token + "@example.com"));
	}

	private long outboxRows(UUID entityId) {
		return this.store.client()
			.sql("SELECT count(*) FROM " + this.store.table("outbox") + " WHERE aggregateid = :id")
			.bind("id", entityId.toString())
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}
}
