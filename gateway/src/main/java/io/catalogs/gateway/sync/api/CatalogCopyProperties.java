package io.catalogs.gateway.sync.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code customerAcrossCatalogs} reads the catalogs: {@code catalogs.sync.copies.*}.
 *
 * @param timeout how long one catalog's read may take before its copy counts as
 * {@code unavailable}
 */
@Validated
@ConfigurationProperties("catalogs.sync.copies")
public record CatalogCopyProperties(@DefaultValue("5s") Duration timeout) {

	/** The defaults: 5 seconds per catalog. */
	public static CatalogCopyProperties defaults() {
		return new CatalogCopyProperties(Duration.ofSeconds(5));
	}
}
