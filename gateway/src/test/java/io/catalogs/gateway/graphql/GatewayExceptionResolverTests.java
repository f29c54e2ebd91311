package io.catalogs.gateway.graphql;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Capability;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.DuplicateEntityException;
import io.catalogs.spi.EntityNotFoundException;
import io.catalogs.spi.UnknownCatalogException;
import io.catalogs.spi.UnsupportedCapabilityException;
import io.catalogs.spi.VersionConflictException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayExceptionResolverTests {

	private static final UUID ID = UUID.fromString("6f1c1d0e-0000-4000-8000-000000000000");

	private final GatewayExceptionResolver resolver = new GatewayExceptionResolver();

	@Test
	void classifiesInvalidInputAsBadRequestNamingTheField() {
		Map<String, Object> spec = resolve(new InvalidInputException("email", "is not a valid email address"));
		assertThat(extensions(spec)).containsEntry("classification", "BAD_REQUEST").containsEntry("field", "email");
		assertThat(spec.get("message").toString()).contains("email");
		assertThat(spec.get("path")).isEqualTo(List.of("createCustomer"));
	}

	@Test
	void classifiesCatalogFailures() {
		assertThat(extensions(resolve(UnknownCatalogException.named("x")))).containsEntry("classification", "UNKNOWN_CATALOG");
		assertThat(extensions(resolve(new EntityNotFoundException(EntityTypes.CUSTOMER, ID))))
			.containsEntry("classification", "NOT_FOUND");
		assertThat(extensions(resolve(new ReferenceNotFoundException("customerId", EntityTypes.CUSTOMER, ID))))
			.containsEntry("classification", "NOT_FOUND").containsEntry("field", "customerId");
		assertThat(extensions(resolve(new DuplicateEntityException(EntityTypes.CUSTOMER, ID))))
			.containsEntry("classification", "BAD_REQUEST");
		assertThat(extensions(resolve(new VersionConflictException(EntityTypes.CUSTOMER, ID, 1, 3))))
			.containsEntry("classification", "VERSION_CONFLICT")
			.containsEntry("expectedVersion", 1L)
			.containsEntry("actualVersion", 3L);
		assertThat(extensions(resolve(new UnsupportedCapabilityException("redis", Capability.BACKWARD_PAGING))))
			.containsEntry("classification", "BAD_REQUEST")
			.containsEntry("catalog", "redis")
			.containsEntry("capability", "paging:backward");
	}

	@Test
	void hidesTheDriverErrorOfAnUnavailableCatalog() {
		Map<String, Object> spec = resolve(
				new CatalogUnavailableException("postgres", new IllegalStateException("password=hunter2 refused")));
		assertThat(extensions(spec)).containsEntry("classification", "CATALOG_UNAVAILABLE");
		assertThat(spec.toString()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
	}

	@Test
	void unwrapsCompletionExceptionsFromDataLoaders() {
		assertThat(extensions(resolve(new CompletionException(UnknownCatalogException.named("x")))))
			.containsEntry("classification", "UNKNOWN_CATALOG");
	}

	@Test
	void neverShowsTheMessageOfAnUnexpectedException() {
		Map<String, Object> spec = resolve(new IllegalStateException("SELECT secret FROM pg_shadow"));
		Map<String, Object> extensions = extensions(spec);
		assertThat(extensions).containsEntry("classification", "INTERNAL_ERROR").containsKey("correlationId");
		assertThat(spec.get("message").toString()).contains(extensions.get("correlationId").toString());
		assertThat(spec.toString()).doesNotContain("pg_shadow").doesNotContain("IllegalStateException");
	}

	private Map<String, Object> resolve(Throwable ex) {
		List<GraphQLError> errors = this.resolver.resolveException(ex, environment()).block();
		assertThat(errors).hasSize(1);
		return errors.get(0).toSpecification();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> extensions(Map<String, Object> spec) {
		return (Map<String, Object>) spec.get("extensions");
	}

	private static DataFetchingEnvironment environment() {
		ExecutionStepInfo step = ExecutionStepInfo.newExecutionStepInfo()
			.type(Scalars.GraphQLString)
			.path(ResultPath.rootPath().segment("createCustomer"))
			.build();
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.executionStepInfo(step)
			.mergedField(MergedField.newMergedField(new Field("createCustomer")).build())
			.build();
	}
}
