package io.catalogs.gateway.sync.api;

import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.schema.SyncState;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/**
 * The live stream of changes to entities of one type as each catalog comes to hold them, built on
 * the {@link SyncStatusFeed}: a change counts for its source catalog when it is published from the
 * outbox (it committed there) and for each target when its sync event becomes
 * {@link SyncState#APPLIED}. Stale and failed deliveries change nothing and are not reported.
 */
@Component
public class CustomerChangeFeed {

	private final SyncStatusFeed feed;

	public CustomerChangeFeed(SyncStatusFeed feed) {
		this.feed = feed;
	}

	/** Customer changes from now on, of one catalog or ({@code catalog == null}) of every catalog. */
	public Flux<CustomerChange> changes(String catalog) {
		return changes(EntityTypes.CUSTOMER, catalog);
	}

	/** Changes to entities of {@code type} from now on, of one catalog or ({@code null}) of all. */
	public Flux<CustomerChange> changes(EntityType type, String catalog) {
		String typeName = type.name();
		Flux<CustomerChange> atSources = this.feed.committedChanges()
			.filter((change) -> change.entityType().equals(typeName))
			.map(CustomerChange::committed);
		Flux<CustomerChange> atTargets = this.feed.events()
			.filter((event) -> event.state() == SyncState.APPLIED && typeName.equals(event.entityType()))
			.map(CustomerChange::applied);
		return Flux.merge(atSources, atTargets)
			.filter((change) -> catalog == null || catalog.equals(change.catalog()));
	}
}
