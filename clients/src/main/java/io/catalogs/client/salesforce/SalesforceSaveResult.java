package io.catalogs.client.salesforce;

import java.util.List;

/**
 * Salesforce's answer to an upsert: the record id and whether the upsert created it.
 *
 * @param id the record's Salesforce id
 * @param success whether it succeeded (failures arrive as errors instead)
 * @param created {@code true} when a new record was inserted, {@code false} when an existing one was updated
 * @param errors Salesforce's error entries (empty on success)
 */
public record SalesforceSaveResult(String id, boolean success, boolean created, List<Object> errors) {

	public SalesforceSaveResult {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}
}
