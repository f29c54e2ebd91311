package io.catalogs.gateway.catalog;

import io.catalogs.spi.CatalogRole;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys of {@code catalogs.instances.<name>} that every kind shares. Kind-specific keys (URLs,
 * credentials, tuning) live beside them and are bound by the kind's own properties record.
 *
 * @param kind which catalog kind implements the instance ({@code postgres}, {@code mongo}, ...)
 * @param role {@code primary} or {@code secondary} (default)
 * @param entityTypes the entity types it holds; empty means every type its kind supports
 * @param cache the optional read cache in front of it
 */
public record CatalogInstanceProperties(String kind, @DefaultValue("secondary") CatalogRole role,
		Set<String> entityTypes, @DefaultValue Cache cache) {

	public CatalogInstanceProperties {
		entityTypes = (entityTypes != null) ? Set.copyOf(entityTypes) : Set.of();
	}

	/**
	 * A Caffeine cache for reads by id, invalidated by every write and sync apply that goes through
	 * the gateway.
	 *
	 * @param enabled whether reads by id are cached (off unless set)
	 * @param maxSize how many entities at most
	 * @param ttl how long an entry lives after it was written
	 */
	public record Cache(@DefaultValue("false") boolean enabled, @DefaultValue("10000") long maxSize,
			@DefaultValue("60s") Duration ttl) {
	}
}
