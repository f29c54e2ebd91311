package io.catalogs.tck;

import java.util.Set;

/**
 * What {@code catalogs.instances.<name>} configures for an in-memory catalog ({@code kind: memory}).
 *
 * @param capabilities the capability names to declare (as the {@code catalogs} query shows them,
 * such as {@code filter:customer.email:EQ}); {@code null} or empty declares
 * {@link InMemoryCatalog#allCapabilities every capability} of the configured entity types
 */
public record InMemoryCatalogProperties(Set<String> capabilities) {

	public InMemoryCatalogProperties {
		capabilities = (capabilities != null) ? Set.copyOf(capabilities) : Set.of();
	}

	/** Properties that declare every capability. */
	public static InMemoryCatalogProperties allCapabilities() {
		return new InMemoryCatalogProperties(Set.of());
	}
}
