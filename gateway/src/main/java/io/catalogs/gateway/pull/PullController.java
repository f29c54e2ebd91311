package io.catalogs.gateway.pull;

import io.catalogs.gateway.graphql.InvalidInputException;
import io.catalogs.gateway.pull.PullScheduler.Target;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogRegistry;
import io.catalogs.spi.UnknownCatalogException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code syncCursors} and {@code resetSyncCursor} (pull.graphqls): the incremental pull cursors of
 * the API catalogs with a change feed, and moving one for a backfill.
 */
@Controller
public class PullController {

	private final SyncCursorStore cursors;

	private final PullScheduler scheduler;

	private final CatalogRegistry registry;

	PullController(SyncCursorStore cursors, PullScheduler scheduler, CatalogRegistry registry) {
		this.cursors = cursors;
		this.scheduler = scheduler;
		this.registry = registry;
	}

	/** Every pullable cursor (of {@code catalog}, when given), stored or not yet used. */
	@QueryMapping
	public Mono<List<SyncCursor>> syncCursors(@Argument String catalog) {
		if (catalog != null && this.registry.find(catalog).isEmpty()) {
			return Mono.error(new UnknownCatalogException("no catalog named '" + catalog + "'"));
		}
		return this.cursors.all().collectMap((cursor) -> cursor.catalog() + "/" + cursor.entityType()).map((stored) -> {
			Map<String, SyncCursor> shown = new LinkedHashMap<>();
			for (Target target : this.scheduler.targets()) {
				String key = target.catalog() + "/" + target.type().name();
				shown.put(key, stored.getOrDefault(key, SyncCursor.fresh(target.catalog(), target.type().name())));
			}
			return shown.values().stream().filter((cursor) -> catalog == null || cursor.catalog().equals(catalog)).toList();
		});
	}

	/** Moves the cursor to {@code to} (the beginning when absent), backwards too: the next pull reads from there. */
	@MutationMapping
	public Mono<SyncCursor> resetSyncCursor(@Argument String catalog, @Argument String entityType,
			@Argument Instant to) {
		return Mono.defer(() -> {
			if (this.registry.find(catalog).isEmpty()) {
				return Mono.error(new UnknownCatalogException("no catalog named '" + catalog + "'"));
			}
			EntityType type = EntityTypes.find(entityType)
				.orElseThrow(() -> new InvalidInputException("entityType", "unknown entity type '" + entityType + "'"));
			Target target = this.scheduler.target(catalog, type)
				.orElseThrow(() -> new InvalidInputException("catalog", "catalog '" + catalog + "' has no change feed for "
						+ entityType + " entities (it is not an API catalog with incremental pulls, or does not hold them)"));
			return this.cursors.reset(target.catalog(), type.name(), to);
		});
	}
}
