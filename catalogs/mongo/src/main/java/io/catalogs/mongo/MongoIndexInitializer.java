package io.catalogs.mongo;

import java.util.List;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates the secondary indexes of a catalog's collections once, before its first use: at startup
 * when the server answers, otherwise lazily on the first operation after it is back. Creating an
 * index that exists is a no-op in MongoDB, so this is safe on every start and on every instance.
 *
 * <p>While the server cannot be reached, {@link #ready()} fails with the driver's error (and the
 * next call tries again); once the indexes exist, or creation failed for another reason (logged
 * once, the catalog then works without them), it completes at once without a round trip.
 */
final class MongoIndexInitializer {

	private static final Log logger = LogFactory.getLog(MongoIndexInitializer.class);

	private final Mono<Boolean> created;

	MongoIndexInitializer(String catalog, MongoDatabase database, List<MongoCollectionMapping> mappings) {
		this.created = Flux.fromIterable(mappings)
			.concatMap(mapping -> Mono
				.from(database.getCollection(mapping.collection()).createIndexes(mapping.indexes())))
			.then(Mono.fromCallable(() -> {
				logger.debug("Created the indexes of catalog '" + catalog + "'");
				return true;
			}))
			.onErrorResume(error -> !MongoErrorTranslator.isUnavailable(error), error -> {
				logger.warn("Could not create the indexes of catalog '" + catalog + "'; queries run without them",
						error);
				return Mono.just(false);
			})
			// a value (done, or given up) is kept for good; an error (unreachable) is not: the next call retries
			.cacheInvalidateIf(done -> false);
	}

	/** Completes when the indexes exist or cannot be created; fails while the server is unreachable. */
	Mono<Void> ready() {
		return this.created.then();
	}
}
