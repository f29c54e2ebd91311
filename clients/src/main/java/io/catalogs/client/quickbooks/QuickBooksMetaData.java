package io.catalogs.client.quickbooks;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * QuickBooks' {@code MetaData} of an entity.
 *
 * @param createTime when it was created
 * @param lastUpdatedTime when it last changed
 */
public record QuickBooksMetaData(@JsonProperty("CreateTime") OffsetDateTime createTime,
		@JsonProperty("LastUpdatedTime") OffsetDateTime lastUpdatedTime) {
}
