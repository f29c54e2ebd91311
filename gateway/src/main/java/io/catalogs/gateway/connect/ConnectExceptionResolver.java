package io.catalogs.gateway.connect;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Maps {@link ConnectRejectedException} to {@code BAD_REQUEST} with {@code catalog} and
 * {@code reason}; runs before the gateway's general resolver, which maps the catalog exceptions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectExceptionResolver extends DataFetcherExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ConnectRejectedException rejected) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(rejected.getMessage())
				.extensions(Map.of("catalog", rejected.catalog(), "reason", rejected.reason()))
				.build();
		}
		return null;
	}
}
