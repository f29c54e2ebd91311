/**
 * The read side of the sync API: live subscriptions ({@code syncStatus}, {@code customerChanged})
 * and sync queries ({@code syncEvents}, {@code customerAcrossCatalogs}).
 *
 * <ul>
 * <li><b>Feed</b>: {@link io.catalogs.gateway.sync.api.SyncStatusFeed} is this instance's one Kafka
 * consumer of the status and changes topics (a consumer group of its own, from the end, no commits),
 * multicast to local subscribers with a bounded per-subscriber buffer that drops a slow client's
 * oldest records; {@link io.catalogs.gateway.sync.api.CustomerChangeFeed} derives the changes each
 * catalog comes to hold from it.</li>
 * <li><b>Transports</b>: graphql-transport-ws at {@code spring.graphql.websocket.path} and Server-Sent
 * Events ({@code POST /graphql}, {@code Accept: text/event-stream}), both Spring for GraphQL's.</li>
 * <li><b>Errors</b>: a subscription refused at its start ends with the classification a query would
 * get ({@link io.catalogs.gateway.sync.api.SubscriptionControllerExceptionResolver}).</li>
 * <li><b>Queries</b>: {@link io.catalogs.gateway.sync.api.SyncEventQueries} pages {@code sync_events}
 * by keyset; {@link io.catalogs.gateway.sync.api.CatalogCopyReader} compares every catalog's copy
 * with the primary's, a catalog that is down giving an {@code unavailable} copy.</li>
 * </ul>
 * docs/sync.md ("Subscriptions", "Sync queries") has the details and configuration keys.
 */
package io.catalogs.gateway.sync.api;
