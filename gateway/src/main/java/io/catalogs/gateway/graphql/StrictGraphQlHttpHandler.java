package io.catalogs.gateway.graphql;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

/**
 * Spring for GraphQL's HTTP handler with one gap closed: a POST without a body is a {@code 400}, like
 * one whose body lacks {@code query} or is not JSON (Spring for GraphQL 2.0 answers an empty body
 * with an empty {@code 200}). Replaces Boot's {@code graphQlHttpHandler} bean.
 */
public class StrictGraphQlHttpHandler extends GraphQlHttpHandler {

	public StrictGraphQlHttpHandler(WebGraphQlHandler graphQlHandler) {
		super(graphQlHandler);
	}

	@Override
	public Mono<ServerResponse> handleRequest(ServerRequest request) {
		return super.handleRequest(request)
			.switchIfEmpty(Mono.error(() -> new ServerWebInputException("A GraphQL request body is required")));
	}
}
