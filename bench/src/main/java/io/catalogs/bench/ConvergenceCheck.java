package io.catalogs.bench;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.Catalog;
import io.catalogs.spi.Cursor;
import io.catalogs.spi.Page;
import io.catalogs.spi.PageRequest;
import io.catalogs.spi.Sort;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares every entity's id and version in each secondary with the primary, by reading every
 * customer and invoice of each catalog page by page through the catalog classes: an entity the
 * primary holds and a secondary lacks is <em>missing</em>, one held at another version is
 * <em>divergent</em>, one a secondary lists more than once is <em>duplicated</em>, and one only a
 * secondary holds is <em>extra</em>. All must be 0 once the sync pipeline has drained.
 */
final class ConvergenceCheck {

	private static final int PAGE = 2000;

	private ConvergenceCheck() {
	}

	/** The comparison of every secondary with the primary, as JSON by secondary name. */
	static Map<String, Object> compare(Catalog primary, Map<String, Catalog> secondaries) {
		Map<String, Object> json = new LinkedHashMap<>();
		Map<EntityType, Listing> reference = new LinkedHashMap<>();
		for (EntityType type : List.of(EntityTypes.CUSTOMER, EntityTypes.INVOICE)) {
			reference.put(type, Listing.of(primary, type));
		}
		json.put("primaryEntities", reference.values().stream().mapToInt((listing) -> listing.versions().size()).sum());
		secondaries.forEach((name, catalog) -> {
			long missing = 0;
			long divergent = 0;
			long duplicated = 0;
			long extra = 0;
			for (EntityType type : reference.keySet()) {
				Listing expected = reference.get(type);
				Listing actual = Listing.of(catalog, type);
				duplicated += actual.duplicates();
				for (Map.Entry<UUID, Long> entry : expected.versions().entrySet()) {
					Long version = actual.versions().get(entry.getKey());
					if (version == null) {
						missing++;
					}
					else if (!version.equals(entry.getValue())) {
						divergent++;
					}
				}
				extra += actual.versions().keySet().stream().filter((id) -> !expected.versions().containsKey(id)).count();
			}
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("missing", missing);
			figures.put("divergent", divergent);
			figures.put("duplicated", duplicated);
			figures.put("extra", extra);
			json.put(name, figures);
		});
		return json;
	}

	/** Every live entity's version in one catalog, and how many ids were listed more than once. */
	private record Listing(Map<UUID, Long> versions, long duplicates) {

		static Listing of(Catalog catalog, EntityType type) {
			Map<UUID, Long> versions = new HashMap<>();
			long duplicates = 0;
			PageRequest request = PageRequest.first(PAGE);
			while (true) {
				Page page = catalog.list(type, request).block(Duration.ofMinutes(2));
				for (Entity entity : page.items()) {
					if (versions.put(entity.id(), entity.version()) != null) {
						duplicates++;
					}
				}
				if (!page.hasNext() || page.items().isEmpty()) {
					return new Listing(versions, duplicates);
				}
				Entity last = page.items().get(page.items().size() - 1);
				request = PageRequest.first(PAGE).after(Cursor.of(last, Sort.DEFAULT));
			}
		}
	}
}
