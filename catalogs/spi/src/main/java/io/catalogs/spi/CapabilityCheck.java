package io.catalogs.spi;

import io.catalogs.schema.EntityType;

import java.util.Set;

/**
 * Checks a listing request against a catalog's declared capabilities, so that every catalog refuses
 * what it cannot do in the same way. Ordering by {@code createdAt} (either direction) and forward
 * paging are part of the basic contract and need no capability.
 */
public final class CapabilityCheck {

	private CapabilityCheck() {
	}

	/**
	 * Verify that {@code catalog} can serve {@code request} for {@code type}.
	 * @throws UnsupportedCapabilityException naming the first missing capability
	 * @throws IllegalArgumentException if the request names a field the type does not have
	 */
	public static void verify(Catalog catalog, EntityType type, PageRequest request) {
		Set<Capability> capabilities = catalog.capabilities();
		String name = catalog.definition().name();
		for (Condition condition : request.conditions()) {
			type.field(condition.field());
			require(name, capabilities, Capability.filter(type, condition.field(), condition.operator()));
		}
		type.field(request.sort().field());
		if (!request.sort().field().equals(Sort.DEFAULT.field())) {
			require(name, capabilities, Capability.sort(type, request.sort().field()));
		}
		if (request.backward()) {
			require(name, capabilities, Capability.BACKWARD_PAGING);
		}
	}

	/** Verify a grouped listing: as {@link #verify} plus equality filtering on the group field, forwards only. */
	public static void verifyGrouped(Catalog catalog, EntityType type, String groupField, PageRequest request) {
		verify(catalog, type, request.where(Condition.eq(groupField, "")));
		if (request.backward()) {
			throw new IllegalArgumentException("grouped listings are read forwards only");
		}
	}

	private static void require(String catalog, Set<Capability> capabilities, Capability needed) {
		if (!capabilities.contains(needed)) {
			throw new UnsupportedCapabilityException(catalog, needed);
		}
	}
}
