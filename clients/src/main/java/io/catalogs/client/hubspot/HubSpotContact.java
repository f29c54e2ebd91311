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
 * @param archivedAt when it was archived, {@code null} unless archived
 */
public record HubSpotContact(String id, Map<String, String> properties, Instant createdAt, Instant updatedAt,
		boolean archived, Instant archivedAt) {

	/** HubSpot's modification time property of contacts (other objects call it {@code hs_lastmodifieddate}). */
	public static final String LAST_MODIFIED = "lastmodifieddate";

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

	/**
	 * When this state was written: {@code lastmodifieddate} (what searches filter and sort by), else
	 * {@code updatedAt}; for an archived contact read with {@code archived=true}, when it was archived.
	 */
	public Instant modifiedAt() {
		if (this.archived && this.archivedAt != null) {
			return this.archivedAt;
		}
		String modified = property(LAST_MODIFIED);
		return (modified != null) ? datetime(modified) : this.updatedAt;
	}

	/**
	 * A datetime property value as HubSpot writes it (ISO 8601) or takes it (epoch milliseconds).
	 * @throws java.time.format.DateTimeParseException if it is neither
	 */
	public static Instant datetime(String value) {
		if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
			return Instant.ofEpochMilli(Long.parseLong(value));
		}
		return java.time.OffsetDateTime.parse(value).toInstant();
	}
}
