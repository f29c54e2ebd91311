package io.catalogs.gateway.pull;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Incremental pulls of API catalogs with a change feed: {@code catalogs.pull.*} (docs/pulls.md
 * lists every key).
 *
 * @param enabled whether this instance pulls at all (the query and the reset mutation work either way)
 * @param interval the time from the end of one pull of a cursor to the start of the next
 * @param initialDelay the time from startup to the first pull
 * @param batchSize how many changes are applied between two moves of the cursor
 * @param concurrency how many objects of one batch are applied at the same time
 * @param overlap how far before the cursor a pull starts reading (for vendors that stamp a change
 * before it becomes visible); re-read changes are recognized and not applied again
 * @param lease how long a pull holds its cursor without progress before another instance may take it
 * @param catalogs per catalog overrides of {@code enabled} and {@code interval}
 */
@Validated
@ConfigurationProperties("catalogs.pull")
public record PullProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
		@DefaultValue("10s") Duration initialDelay, @DefaultValue("200") @Min(1) int batchSize,
		@DefaultValue("8") @Min(1) int concurrency, @DefaultValue("0s") Duration overlap,
		@DefaultValue("2m") Duration lease, @DefaultValue Map<String, CatalogPull> catalogs) {

	/** Whether {@code catalog} is pulled. */
	public boolean enabled(String catalog) {
		CatalogPull override = this.catalogs.get(catalog);
		return (override != null && override.enabled() != null) ? override.enabled() : this.enabled;
	}

	/** The interval of {@code catalog}'s pulls. */
	public Duration interval(String catalog) {
		CatalogPull override = this.catalogs.get(catalog);
		return (override != null && override.interval() != null) ? override.interval() : this.interval;
	}

	/**
	 * Overrides for one catalog ({@code catalogs.pull.catalogs.<name>.*}); unset keys take the general value.
	 *
	 * @param enabled whether the catalog is pulled
	 * @param interval its interval
	 */
	public record CatalogPull(Boolean enabled, Duration interval) {
	}
}
