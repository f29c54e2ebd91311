package io.catalogs.client.hubspot;

import java.util.Map;
import java.util.Objects;

/**
 * The order of a CRM search ({@code sorts[]}): one property, ascending or descending. HubSpot
 * applies one sort per search and orders objects with equal values in no documented way.
 *
 * @param propertyName the contact property
 * @param descending whether largest values come first
 */
public record HubSpotSort(String propertyName, boolean descending) {

	public HubSpotSort {
		Objects.requireNonNull(propertyName, "propertyName");
	}

	public static HubSpotSort ascending(String property) {
		return new HubSpotSort(property, false);
	}

	public static HubSpotSort descending(String property) {
		return new HubSpotSort(property, true);
	}

	/** The sort as HubSpot documents it: {@code {"propertyName": ..., "direction": "ASCENDING"}}. */
	Map<String, Object> toJson() {
		return Map.of("propertyName", this.propertyName, "direction", this.descending ? "DESCENDING" : "ASCENDING");
	}
}
