package io.catalogs.gateway.pull;

/**
 * What one pull of a cursor did.
 *
 * @param fetched changes read
 * @param applied changes that wrote to the primary
 */
public record PullResult(long fetched, long applied) {
}
