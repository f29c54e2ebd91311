package io.catalogs.gateway.graphql;

import java.util.List;

import graphql.scalars.ExtendedScalars;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.data.pagination.ConnectionFieldTypeVisitor;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;

/**
 * Wires the GraphQL layer into Spring for GraphQL: the {@code DateTime}, {@code BigDecimal} and
 * {@code JSON} scalars, Relay connections for {@link EntityPage} results, and an HTTP handler that
 * refuses requests without a body.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlPagingProperties.class)
public class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer catalogScalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE)
			.scalar(ExtendedScalars.GraphQLBigDecimal)
			.scalar(ExtendedScalars.Json);
	}

	/**
	 * Adapts {@link EntityPage} results of {@code *Connection} fields. Boot registers its own
	 * {@link ConnectionFieldTypeVisitor} (for Spring Data's {@code Window} and {@code Slice}) when
	 * Spring Data is on the class path; each visitor wraps the data fetcher of every connection field,
	 * in registration order, and the outer one passes a finished {@code Connection} through but fails
	 * on a container it cannot adapt. This customizer therefore runs first so that its visitor is the
	 * inner one and Boot's sees only connections.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	GraphQlSourceBuilderCustomizer entityPageConnections() {
		ConnectionFieldTypeVisitor visitor = ConnectionFieldTypeVisitor.create(List.of(new EntityPageConnectionAdapter()));
		return (builder) -> builder.typeVisitors(List.of(visitor));
	}

	/** GraphQL over HTTP that answers every malformed request with a 4xx (see {@link StrictGraphQlHttpHandler}). */
	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
		return new StrictGraphQlHttpHandler(webGraphQlHandler);
	}

	@Bean
	InputValidator inputValidator() {
		return new InputValidator();
	}
}
