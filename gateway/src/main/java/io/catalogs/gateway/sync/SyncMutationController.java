package io.catalogs.gateway.sync;

import io.catalogs.schema.EntityTypes;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The sync mutations of the API ({@code sync.graphqls}): thin wrappers over {@link SyncRequests}. */
@Controller
public class SyncMutationController {

	private final SyncRequests requests;

	public SyncMutationController(SyncRequests requests) {
		this.requests = requests;
	}

	@MutationMapping
	public Mono<SyncRequest> syncCustomer(@Argument String id, @Argument String from, @Argument List<String> to) {
		return this.requests.copy(EntityTypes.CUSTOMER, id, from, to);
	}

	@MutationMapping
	public Mono<SyncRequest> syncInvoice(@Argument String id, @Argument String from, @Argument List<String> to) {
		return this.requests.copy(EntityTypes.INVOICE, id, from, to);
	}

	@MutationMapping
	public Mono<SyncEventRecord> retrySyncEvent(@Argument String id) {
		return this.requests.retry(id);
	}

	@MutationMapping
	public Mono<Integer> replayDeadLetters(@Argument String catalog) {
		return this.requests.replayDeadLetters(catalog);
	}
}
