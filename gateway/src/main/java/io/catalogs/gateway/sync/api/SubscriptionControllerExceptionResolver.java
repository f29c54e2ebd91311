package io.catalogs.gateway.sync.api;

import io.catalogs.gateway.graphql.GatewayErrorType;
import io.catalogs.gateway.graphql.InvalidInputException;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.UnknownCatalogException;

import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Gives a failed subscription (one refused when it starts, such as for an {@code entityId} that is
 * no UUID, or one whose stream fails) the same {@code extensions.classification} a query would get
 * from {@link io.catalogs.gateway.graphql.GatewayExceptionResolver}: Spring for GraphQL sends
 * errors of subscription streams through subscription resolvers, not data fetcher ones. Unexpected
 * failures are {@code INTERNAL_ERROR} with a correlation id; their message never reaches the client.
 */
@Component
public class SubscriptionControllerExceptionResolver extends SubscriptionExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionControllerExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof InvalidInputException invalid) {
			return error(ErrorType.BAD_REQUEST, invalid.getMessage(), Map.of("field", invalid.field()));
		}
		if (ex instanceof UnknownCatalogException) {
			return error(GatewayErrorType.UNKNOWN_CATALOG, ex.getMessage(), Map.of());
		}
		if (ex instanceof CatalogUnavailableException unavailable) {
			logger.warn("Subscription failed: {}: {}", ex.getMessage(), String.valueOf(ex.getCause()));
			return error(GatewayErrorType.CATALOG_UNAVAILABLE, ex.getMessage(), Map.of("catalog", unavailable.catalog()));
		}
		String correlationId = UUID.randomUUID().toString();
		logger.error("Internal error {} in a subscription", correlationId, ex);
		return error(ErrorType.INTERNAL_ERROR, "Internal error (correlation id " + correlationId + ")",
				Map.of("correlationId", correlationId));
	}

	private static GraphQLError error(graphql.ErrorClassification type, String message, Map<String, Object> extensions) {
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().errorType(type).message(message);
		if (!extensions.isEmpty()) {
			builder.extensions(extensions);
		}
		return builder.build();
	}
}
