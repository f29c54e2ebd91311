package io.catalogs.gateway.connect;

import io.catalogs.client.http.UnauthorizedClientException;

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
 * {@code reason}, and a call a vendor refused for its credentials (an
 * {@link UnauthorizedClientException} anywhere in the causes: an account not connected yet, or one
 * whose refresh token was refused) to {@code UNAUTHORIZED} saying to connect it. Runs before the
 * gateway's general resolver, which maps the catalog exceptions; never passes on a vendor's text.
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
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnauthorizedClientException refused) {
				return GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.UNAUTHORIZED)
					.message(refused.client() + " refused the catalog's credentials: connect its account "
							+ "(connectCatalog, see accountStatus) or check its configured key")
					.extensions(Map.of("reason", "ACCOUNT_NOT_CONNECTED"))
					.build();
			}
		}
		return null;
	}
}
