package io.catalogs.gateway.graphql;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConnectionArgumentsTests {

	private static final GraphQlPagingProperties PAGING = new GraphQlPagingProperties(20, 100);

	private static final Entity CUSTOMER = Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(),
			Instant.parse("2026-01-01T00:00:00Z"), Map.of("name", "Ann", "email", "ann@example.com"));

	@Test
	void readsTheDefaultPageSizeForwardsWithoutArguments() {
		PageRequest request = request(new ConnectionArguments(null, null, null, null), Sort.DEFAULT);
		assertThat(request.limit()).isEqualTo(20);
		assertThat(request.backward()).isFalse();
		assertThat(request.after()).isNull();
		assertThat(request.before()).isNull();
	}

	@Test
	void readsFirstAfterACursorForwards() {
		String cursor = Cursor.of(CUSTOMER, Sort.asc("name")).encode(EntityTypes.CUSTOMER, Sort.asc("name"));
		PageRequest request = request(new ConnectionArguments(5, cursor, null, null), Sort.asc("name"));
		assertThat(request.limit()).isEqualTo(5);
		assertThat(request.backward()).isFalse();
		assertThat(request.after()).isEqualTo(new Cursor("Ann", CUSTOMER.id()));
	}

	@Test
	void readsLastBeforeACursorBackwards() {
		String cursor = Cursor.of(CUSTOMER, Sort.DEFAULT).encode(EntityTypes.CUSTOMER, Sort.DEFAULT);
		PageRequest request = request(new ConnectionArguments(null, null, 7, cursor), Sort.DEFAULT);
		assertThat(request.limit()).isEqualTo(7);
		assertThat(request.backward()).isTrue();
		assertThat(request.before()).isEqualTo(new Cursor(CUSTOMER.createdAt(), CUSTOMER.id()));
	}

	@Test
	void keepsConditionsAndOrder() {
		List<Condition> conditions = List.of(Condition.eq("email", "a@b.co"));
		PageRequest request = new ConnectionArguments(1, null, null, null)
			.toPageRequest(EntityTypes.CUSTOMER, Sort.desc("email"), conditions, PAGING)
			.orElseThrow();
		assertThat(request.conditions()).isEqualTo(conditions);
		assertThat(request.sort()).isEqualTo(Sort.desc("email"));
	}

	@Test
	void acceptsTheMaximumAndRefusesMore() {
		assertThat(request(new ConnectionArguments(100, null, null, null), Sort.DEFAULT).limit()).isEqualTo(100);
		assertInvalid(new ConnectionArguments(101, null, null, null), "first");
		assertInvalid(new ConnectionArguments(null, null, 101, null), "last");
	}

	@Test
	void refusesNegativeSizesAndBothDirections() {
		assertInvalid(new ConnectionArguments(-1, null, null, null), "first");
		assertInvalid(new ConnectionArguments(null, null, -1, null), "last");
		assertInvalid(new ConnectionArguments(1, null, 1, null), "last");
	}

	@Test
	void aZeroSizeNeedsNoRequest() {
		assertThat(new ConnectionArguments(0, null, null, null).toPageRequest(EntityTypes.CUSTOMER, Sort.DEFAULT,
				List.of(), PAGING)).isEmpty();
	}

	@Test
	void refusesMalformedCursorsNamingTheArgument() {
		assertInvalid(new ConnectionArguments(1, "!!not base64!!", null, null), "after");
		assertInvalid(new ConnectionArguments(null, null, 1, "bm9wZQ"), "before");
	}

	@Test
	void refusesACursorOfAnotherOrder() {
		String byName = Cursor.of(CUSTOMER, Sort.asc("name")).encode(EntityTypes.CUSTOMER, Sort.asc("name"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> request(new ConnectionArguments(1, byName, null, null), Sort.desc("name")))
			.withMessageContaining("after");
	}

	@Test
	void honoursConfiguredSizes() {
		GraphQlPagingProperties small = new GraphQlPagingProperties(2, 3);
		PageRequest request = new ConnectionArguments(null, null, null, null)
			.toPageRequest(EntityTypes.CUSTOMER, Sort.DEFAULT, List.of(), small)
			.orElseThrow();
		assertThat(request.limit()).isEqualTo(2);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> new ConnectionArguments(4, null, null,
				null).toPageRequest(EntityTypes.CUSTOMER, Sort.DEFAULT, List.of(), small));
	}

	@Test
	void refusesADefaultAboveTheMaximum() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new GraphQlPagingProperties(50, 10));
	}

	private static PageRequest request(ConnectionArguments arguments, Sort sort) {
		return arguments.toPageRequest(EntityTypes.CUSTOMER, sort, List.of(), PAGING).orElseThrow();
	}

	private static void assertInvalid(ConnectionArguments arguments, String field) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> arguments.toPageRequest(EntityTypes.CUSTOMER, Sort.DEFAULT, List.of(), PAGING))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}
}
