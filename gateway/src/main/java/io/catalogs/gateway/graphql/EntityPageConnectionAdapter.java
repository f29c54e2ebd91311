package io.catalogs.gateway.graphql;

import java.util.Collection;

import org.springframework.graphql.data.pagination.ConnectionAdapter;

/**
 * Adapts an {@link EntityPage} to a Relay connection for Spring for GraphQL's
 * {@link org.springframework.graphql.data.pagination.ConnectionFieldTypeVisitor}: nodes, keyset
 * cursors ({@link io.catalogs.spi.Cursor}) and the page's previous/next flags.
 */
public final class EntityPageConnectionAdapter implements ConnectionAdapter {

	@Override
	public boolean supports(Class<?> containerType) {
		return EntityPage.class.isAssignableFrom(containerType);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> Collection<T> getContent(Object container) {
		return (Collection<T>) ((EntityPage) container).nodes();
	}

	@Override
	public boolean hasPrevious(Object container) {
		return ((EntityPage) container).page().hasPrevious();
	}

	@Override
	public boolean hasNext(Object container) {
		return ((EntityPage) container).page().hasNext();
	}

	@Override
	public String cursorAt(Object container, int index) {
		return ((EntityPage) container).cursorAt(index);
	}
}
