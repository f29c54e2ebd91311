package io.catalogs.bench;

import io.catalogs.schema.Entity;
import io.catalogs.spi.ApplyResult;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.DuplicateEntityException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the data set into every catalog through the catalog classes ({@link Catalog#create}), all
 * catalogs at once, many writes in flight per catalog; a catalog that holds the data set already (a
 * second run over the same stores) is left as it is. Straight into the stores: this bypasses the sync pipeline on purpose, so the
 * secondaries hold the same data as the primary before anything is measured.
 */
final class DataLoad {

	private static final Logger logger = LoggerFactory.getLogger(DataLoad.class);

	private static final int IN_FLIGHT = 32;

	private DataLoad() {
	}

	/**
	 * Create every entity, one type after the other; one that exists already (an interrupted earlier
	 * load) is applied if newer. Not {@link Catalog#applyIfNewer} or a {@link Catalog#getMany} check
	 * for all: on the embedded MongoDB wire server neither filter can use the id index, so each call
	 * scans the collection and the load would take many minutes.
	 */
	private static Flux<ApplyResult> load(Catalog catalog, DataSet data) {
		return Flux.concat(Flux.fromIterable(data.customers()), Flux.fromIterable(data.invoices()))
			.flatMap((entity) -> catalog.create(entity)
				.thenReturn(ApplyResult.APPLIED)
				.onErrorResume(DuplicateEntityException.class, (duplicate) -> catalog.applyIfNewer(entity)), IN_FLIGHT);
	}

	/** Whether the catalog holds the data set already: its first and last customer and last invoice. */
	private static Mono<Boolean> holds(Catalog catalog, DataSet data) {
		List<Entity> probes = List.of(data.customers().get(0), data.customers().get(data.customers().size() - 1),
				data.invoices().get(data.invoices().size() - 1));
		return Flux.fromIterable(probes)
			.flatMap((probe) -> catalog.get(probe.type(), probe.id()))
			.count()
			.map((found) -> found == probes.size());
	}

	/** Load {@code data} into every catalog; the JSON of what it took. */
	static Map<String, Object> load(DataSet data, Map<String, Catalog> catalogs) {
		long start = System.nanoTime();
		Map<String, Object> perCatalog = new ConcurrentHashMap<>();
		Flux.fromIterable(catalogs.entrySet()).flatMap((entry) -> {
			long catalogStart = System.nanoTime();
			Catalog catalog = entry.getValue();
			return holds(catalog, data)
				.flatMap((loaded) -> loaded ? Mono.just(0L)
						: load(catalog, data).filter(ApplyResult.APPLIED::equals).count())
				.doOnNext((applied) -> {
					double seconds = (System.nanoTime() - catalogStart) / 1e9;
					logger.info("Loaded {} entities into '{}' in {} s ({} newly applied)", data.size(), entry.getKey(),
							LoadResult.round(seconds, 1), applied);
					perCatalog.put(entry.getKey(),
							Map.of("seconds", LoadResult.round(seconds, 2), "newlyApplied", applied));
				});
		}).then().block(Duration.ofMinutes(5));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("customers", data.customers().size());
		json.put("invoices", data.invoices().size());
		json.put("seconds", LoadResult.round((System.nanoTime() - start) / 1e9, 2));
		json.put("catalogs", new TreeMap<>(perCatalog));
		return json;
	}
}
