package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.gateway.sync.api.SyncStatusFeed.CommittedChange;
import io.catalogs.schema.ChangeEvent;
import io.catalogs.schema.ChangeOperation;
import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommittedChangeTests {

	private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");

	@Test
	void aCommittedChangeIsAChangeOfItsSourceFromItsOriginOrElseItsSource() {
		UUID id = UUID.randomUUID();
		Entity customer = new Entity(EntityTypes.CUSTOMER, id, 3, NOW, NOW, false, Map.of(Customer.NAME, "Ada"));
		CommittedChange write = CommittedChange
			.from(new ChangeEvent(UUID.randomUUID(), ChangeOperation.UPDATE, "postgres", null, List.of(), NOW, customer));
		assertThat(write.entityType()).isEqualTo("customer");
		assertThat(write.version()).isEqualTo(3);
		assertThat(CustomerChange.committed(write))
			.isEqualTo(new CustomerChange(id.toString(), "UPDATE", 3, "postgres", "postgres"));

		CommittedChange webhook = CommittedChange.from(new ChangeEvent(UUID.randomUUID(), ChangeOperation.DELETE,
				"postgres", "stripe", List.of(), NOW, customer.toTombstone(NOW)));
		assertThat(CustomerChange.committed(webhook).origin()).isEqualTo("stripe");
		assertThat(CustomerChange.committed(webhook).version()).isEqualTo(4);
		assertThat(CustomerChange.committed(webhook).isDelete()).isTrue();
	}

	@Test
	void anAppliedEventIsAChangeOfItsTargetFromItsOriginOrElseItsSource() {
		UUID id = UUID.randomUUID();
		SyncEventRecord event = new SyncEventRecord(UUID.randomUUID(), UUID.randomUUID(), "customer", id, "CREATE", 1,
				"postgres", "redis", null, SyncState.APPLIED, 1, null, NOW, NOW, NOW);
		assertThat(CustomerChange.applied(event))
			.isEqualTo(new CustomerChange(id.toString(), "CREATE", 1, "postgres", "redis"));
	}
}
