package io.catalogs.gateway.graphql;

import io.catalogs.schema.Customer;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Page;
import io.catalogs.spi.Sort;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityPageConnectionAdapterTests {

	private final EntityPageConnectionAdapter adapter = new EntityPageConnectionAdapter();

	private final Entity ann = customer("Ann");

	private final Entity bob = customer("Bob");

	private final EntityPage page = new EntityPage(new Page(List.of(this.ann, this.bob), true, false),
			EntityTypes.CUSTOMER, Sort.asc("name"), (entity) -> Customer.from(entity, "postgres"));

	@Test
	void supportsEntityPagesOnly() {
		assertThat(this.adapter.supports(EntityPage.class)).isTrue();
		assertThat(this.adapter.supports(Page.class)).isFalse();
	}

	@Test
	void mapsItemsToNodesInOrder() {
		List<Customer> nodes = List.copyOf(this.adapter.getContent(this.page));
		assertThat(nodes).extracting(Customer::name).containsExactly("Ann", "Bob");
		assertThat(nodes).extracting(Customer::catalog).containsOnly("postgres");
	}

	@Test
	void passesThePageFlags() {
		assertThat(this.adapter.hasPrevious(this.page)).isTrue();
		assertThat(this.adapter.hasNext(this.page)).isFalse();
	}

	@Test
	void writesCursorsThatDecodeToTheItemsPosition() {
		String cursor = this.adapter.cursorAt(this.page, 1);
		assertThat(Cursor.decode(cursor, EntityTypes.CUSTOMER, Sort.asc("name")))
			.isEqualTo(new Cursor("Bob", this.bob.id()));
	}

	private static Entity customer(String name) {
		return Entity.create(EntityTypes.CUSTOMER, UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z"),
				Map.of("name", name, "email", name.toLowerCase() + "@example.com"));
	}
}
