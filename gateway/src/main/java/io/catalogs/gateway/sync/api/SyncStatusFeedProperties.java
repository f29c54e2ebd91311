package io.catalogs.gateway.sync.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this instance's live feeds serve subscribers: {@code catalogs.sync.subscriptions.*}.
 *
 * @param bufferSize how many records each subscriber may have waiting (not yet written to its
 * connection); past that the oldest waiting record is dropped for that subscriber only, with a
 * warning, so a slow client never holds up the others
 * @param groupIdPrefix the start of the consumer group id of this instance's feed consumer; a random
 * suffix makes it unique per instance, so every instance sees every record
 */
@Validated
@ConfigurationProperties("catalogs.sync.subscriptions")
public record SyncStatusFeedProperties(@DefaultValue("256") @Min(1) @Max(1_000_000) int bufferSize,
		@DefaultValue("catalog-gateway-feed") String groupIdPrefix) {

	/** The defaults: 256 records per subscriber, groups {@code catalog-gateway-feed-<random>}. */
	public static SyncStatusFeedProperties defaults() {
		return new SyncStatusFeedProperties(256, "catalog-gateway-feed");
	}
}
