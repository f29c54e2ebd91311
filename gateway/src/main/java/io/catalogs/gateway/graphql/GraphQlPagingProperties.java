package io.catalogs.gateway.graphql;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many items a Relay connection returns: {@code catalogs.graphql.*}.
 *
 * @param defaultPageSize the window size when a query gives neither {@code first} nor {@code last}
 * @param maxPageSize the largest {@code first} or {@code last} a client may ask for; larger is a
 * {@code BAD_REQUEST}, not a silent cut
 */
@Validated
@ConfigurationProperties("catalogs.graphql")
public record GraphQlPagingProperties(@DefaultValue("20") @Min(1) int defaultPageSize,
		@DefaultValue("100") @Min(1) @Max(10_000) int maxPageSize) {

	public GraphQlPagingProperties {
		if (defaultPageSize > maxPageSize) {
			throw new IllegalArgumentException("catalogs.graphql.default-page-size (" + defaultPageSize
					+ ") must not exceed catalogs.graphql.max-page-size (" + maxPageSize + ")");
		}
	}

	/** The defaults: 20 items per page, at most 100. */
	public static GraphQlPagingProperties defaults() {
		return new GraphQlPagingProperties(20, 100);
	}
}
