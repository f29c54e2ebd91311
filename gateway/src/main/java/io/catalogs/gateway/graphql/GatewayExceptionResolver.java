package io.catalogs.gateway.graphql;

import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.DuplicateEntityException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.UnknownCatalogException;
import io.catalogs.spi.UnsupportedCapabilityException;
import io.catalogs.spi.VersionConflictException;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions become GraphQL errors with an {@code extensions.classification}:
 * <ul>
 * <li>{@link InvalidInputException}, {@link UnsupportedCapabilityException},
 * {@link DuplicateEntityException}: {@code BAD_REQUEST} (with {@code field}, or {@code catalog} and
 * {@code capability})</li>
 * <li>{@link EntityNotFoundException}, {@link ReferenceNotFoundException}: {@code NOT_FOUND}</li>
 * <li>{@link UnknownCatalogException}: {@code UNKNOWN_CATALOG}</li>
 * <li>{@link CatalogUnavailableException}: {@code CATALOG_UNAVAILABLE} (the driver error is logged, not sent)</li>
 * <li>{@link VersionConflictException}: {@code VERSION_CONFLICT} with {@code expectedVersion} and
 * {@code actualVersion}</li>
 * <li>anything else: {@code INTERNAL_ERROR} with a generic message and a {@code correlationId} that
 * finds the stack trace in the log; its message never reaches the client.</li>
 * </ul>
 * Messages of the catalog exceptions are written for clients (see {@link io.catalogs.spi.CatalogException}).
 */
@Component
public class GatewayExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Log logger = LogFactory.getLog(GatewayExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
		Throwable ex = unwrap(thrown);
		if (ex instanceof InvalidInputException invalid) {
			return error(env, ErrorType.BAD_REQUEST, invalid.getMessage(), Map.of("field", invalid.field()));
		}
		if (ex instanceof ReferenceNotFoundException missing) {
			return error(env, ErrorType.NOT_FOUND, missing.getMessage(), Map.of("field", missing.field()));
		}
		if (ex instanceof EntityNotFoundException) {
			return error(env, ErrorType.NOT_FOUND, ex.getMessage(), Map.of());
		}
		if (ex instanceof UnknownCatalogException) {
			return error(env, GatewayErrorType.UNKNOWN_CATALOG, ex.getMessage(), Map.of());
		}
		if (ex instanceof CatalogUnavailableException unavailable) {
			logger.warn(ex.getMessage() + " (" + env.getExecutionStepInfo().getPath() + "): " + ex.getCause());
			return error(env, GatewayErrorType.CATALOG_UNAVAILABLE, ex.getMessage(),
					Map.of("catalog", unavailable.catalog()));
		}
		if (ex instanceof VersionConflictException conflict) {
			return error(env, GatewayErrorType.VERSION_CONFLICT, ex.getMessage(),
					Map.of("expectedVersion", conflict.expectedVersion(), "actualVersion", conflict.actualVersion()));
		}
		if (ex instanceof UnsupportedCapabilityException unsupported) {
			return error(env, ErrorType.BAD_REQUEST, ex.getMessage(),
					Map.of("catalog", unsupported.catalog(), "capability", unsupported.capability().name()));
		}
		if (ex instanceof DuplicateEntityException) {
			return error(env, ErrorType.BAD_REQUEST, ex.getMessage(), Map.of());
		}
		String correlationId = UUID.randomUUID().toString();
		logger.error("Internal error " + correlationId + " at " + env.getExecutionStepInfo().getPath(), ex);
		return error(env, ErrorType.INTERNAL_ERROR, "Internal error (correlation id " + correlationId + ")",
				Map.of("correlationId", correlationId));
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message,
			Map<String, Object> extensions) {
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError(env).errorType(type).message(message);
		if (!extensions.isEmpty()) {
			builder.extensions(extensions);
		}
		return builder.build();
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}
}
