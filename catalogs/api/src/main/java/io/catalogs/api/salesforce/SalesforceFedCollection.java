package io.catalogs.api.salesforce;

import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteCollection;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Salesforce collection whose change feed is its sObject's {@link SalesforceChangeFeed}
 * (contacts, invoices): the feed methods of {@link RemoteCollection} answered once for all.
 */
interface SalesforceFedCollection extends RemoteCollection {

	/** The change feed of the collection's sObject. */
	SalesforceChangeFeed<?> feed();

	@Override
	default boolean changeFeed() {
		return true;
	}

	@Override
	default Flux<RemoteChange> modifiedSince(Instant since) {
		return feed().modifiedSince(since);
	}

	@Override
	default Mono<RemoteChange> current(String remoteId) {
		return feed().current(remoteId);
	}
}
