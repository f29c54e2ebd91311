package io.catalogs.client.hubspot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A HubSpot contact as the CRM v3 API returns it: its id and the requested properties (all values
 * are text in HubSpot; absent and empty properties are left out of the map).
 *
 * @param id HubSpot's record id ({@code hs_object_id})
 * @param properties property name to value
 * @param createdAt creation time
 * @param updatedAt last change
 * @param archived whether the contact is archived (deleted)
 */
public record HubSpotContact(String id, Map<String, String> properties, Instant createdAt, Instant updatedAt,
		boolean archived) {

	public HubSpotContact {
		Map<String, String> present = new LinkedHashMap<>();
		if (properties != null) {
			properties.forEach((name, value) -> {
				if (value != null && !value.isEmpty()) {
					present.put(name, value);
				}
			});
		}
		properties = Map.copyOf(present);
	}

	/** The value of {@code property}, or {@code null}. */
	public String property(String property) {
		return this.properties.get(property);
	}
}
