package io.catalogs.client.salesforce;

import java.util.List;
import java.util.Optional;

/**
 * One batch of a SOQL query result ({@code GET .../query?q=...}).
 *
 * @param totalSize how many records the query matches in all
 * @param done whether this is the last batch
 * @param nextRecordsUrl the path of the next batch, or {@code null} when done
 * @param records the records of this batch
 */
public record SalesforceQueryResult<R>(int totalSize, boolean done, String nextRecordsUrl, List<R> records) {

	public SalesforceQueryResult {
		records = (records != null) ? List.copyOf(records) : List.of();
	}

	/** The path to read the next batch from, if one follows. */
	public Optional<String> next() {
		return (this.done || this.nextRecordsUrl == null) ? Optional.empty() : Optional.of(this.nextRecordsUrl);
	}
}
