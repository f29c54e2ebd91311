package io.catalogs.gateway.sync.api;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.CatalogRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Reads one entity from every catalog that holds its type, all at once, and compares each copy with
 * the primary's ({@link CatalogCopy}). A catalog that fails or does not answer within
 * {@code catalogs.sync.copies.timeout} gives an {@code unavailable} copy instead of failing the
 * whole answer; when that is the primary, the other copies are listed without comparison.
 */
@Component
public class CatalogCopyReader {

	private static final Logger logger = LoggerFactory.getLogger(CatalogCopyReader.class);

	private final CatalogRegistry registry;

	private final CatalogCopyProperties properties;

	public CatalogCopyReader(CatalogRegistry registry, CatalogCopyProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	/** One copy per catalog holding {@code type}: the primary first, then the others in configuration order. */
	public Mono<List<CatalogCopy>> copies(EntityType type, UUID id) {
		return Mono.defer(() -> {
			List<Catalog> catalogs = new ArrayList<>();
			catalogs.add(this.registry.primary(type));
			catalogs.addAll(this.registry.secondaries(type));
			return Flux.fromIterable(catalogs)
				.flatMapSequential((catalog) -> read(catalog, type, id))
				.collectList()
				.map(CatalogCopyReader::compare);
		});
	}

	private Mono<Read> read(Catalog catalog, EntityType type, UUID id) {
		String name = catalog.definition().name();
		return catalog.get(type, id)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.timeout(this.properties.timeout())
			.map((entity) -> new Read(name, entity.orElse(null), true))
			.onErrorResume((ex) -> {
				logger.warn("customerAcrossCatalogs: catalog '{}' could not be read: {}", name, ex.toString());
				return Mono.just(new Read(name, null, false));
			});
	}

	private static List<CatalogCopy> compare(List<Read> reads) {
		Read primary = reads.get(0);
		return reads.stream()
			.map((read) -> read.available()
					? CatalogCopy.of(read.catalog(), read.entity(), primary.entity(), primary.available())
					: CatalogCopy.unavailable(read.catalog()))
			.toList();
	}

	private record Read(String catalog, Entity entity, boolean available) {
	}
}
