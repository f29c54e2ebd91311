package io.catalogs.gateway.graphql;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Page;
import io.catalogs.spi.Sort;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a connection field's controller returns: a catalog {@link Page} with what it takes to turn it
 * into a Relay connection ({@link EntityPageConnectionAdapter}): the entity type and order its
 * cursors encode, and the mapping of entities to GraphQL objects.
 *
 * @param page the window read from the catalog
 * @param type the entity type of the listing
 * @param sort the order of the listing
 * @param mapper turns an entity into its GraphQL object (such as {@code Customer.from(e, catalog)})
 */
public record EntityPage(Page page, EntityType type, Sort sort, Function<Entity, Object> mapper) {

	public EntityPage {
		Objects.requireNonNull(page, "page");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(sort, "sort");
		Objects.requireNonNull(mapper, "mapper");
	}

	/** The GraphQL objects of the window, in order. */
	public List<Object> nodes() {
		return this.page.items().stream().map(this.mapper).toList();
	}

	/** The opaque cursor of the item at {@code index}. */
	public String cursorAt(int index) {
		return Cursor.of(this.page.items().get(index), this.sort).encode(this.type, this.sort);
	}
}
