package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.graphql.InvalidInputException;
import io.catalogs.gateway.sync.SyncEventRecord;
import io.catalogs.schema.SyncState;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SyncEventQueriesTests {

	// no statement is run by these tests: cursors are checked and an empty window is answered first
	private final SyncEventQueries queries = new SyncEventQueries(null, "gateway");

	@Test
	void cursorsKeepTheExactCreationTimeAndId() {
		SyncEventRecord event = event(Instant.parse("2026-01-31T12:00:00.123456Z"));
		String cursor = SyncEventQueries.cursor(event);
		assertThat(cursor).doesNotContain("2026").matches("[A-Za-z0-9_-]+");
		assertThat(SyncEventQueries.cursor(event(Instant.parse("2026-01-31T12:00:00.123457Z")))).isNotEqualTo(cursor);
		StepVerifier.create(this.queries.page(null, null, 0, cursor))
			.assertNext((page) -> {
				assertThat(page.events()).isEmpty();
				assertThat(page.hasPrevious()).isTrue();
				assertThat(page.hasNext()).isFalse();
			})
			.verifyComplete();
	}

	@Test
	void rejectsCursorsOfOtherListingsAndGarbage() {
		for (String cursor : new String[] { "garbage!", "", "eyJhIjoxfQ", java.util.Base64.getUrlEncoder()
			.encodeToString("syncEvent:not-a-time|x".getBytes()) }) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> this.queries.page(null, null, 5, cursor))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("after"));
		}
	}

	private static SyncEventRecord event(Instant createdAt) {
		UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
		return new SyncEventRecord(id, UUID.randomUUID(), "customer", UUID.randomUUID(), "CREATE", 1, "postgres",
				"mongo", null, SyncState.PENDING, 0, null, createdAt, createdAt, createdAt);
	}
}
