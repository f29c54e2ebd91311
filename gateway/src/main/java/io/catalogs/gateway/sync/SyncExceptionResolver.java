package io.catalogs.gateway.sync;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Maps the sync API's own exceptions ({@link SyncEventNotFoundException}: {@code NOT_FOUND}); runs
 * before the gateway's general resolver, which maps the catalog exceptions and everything else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SyncExceptionResolver extends DataFetcherExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof SyncEventNotFoundException) {
			return GraphqlErrorBuilder.newError(env).errorType(ErrorType.NOT_FOUND).message(ex.getMessage()).build();
		}
		return null;
	}
}
