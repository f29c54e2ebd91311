package io.catalogs.api;

import io.catalogs.schema.EntityType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One change of a vendor object as the gateway takes it in (incremental pulls, webhooks): the
 * {@link RemoteChange} read through the catalog's field mapping, so that a writer can apply it to
 * the primary without knowing the vendor.
 *
 * @param catalog the API catalog the change comes from
 * @param type the entity type the object holds
 * @param remoteId the vendor id of the object
 * @param entityId the entity the object holds: from the catalog's link, else the gateway id written
 * on the object; {@code null} for an object created at the vendor and not linked yet
 * @param linked whether {@code entityId} comes from the catalog's link
 * @param attributes the mapped attributes (references to other entities resolved through the links;
 * a field that cannot be read is left out, a reference with no link reads as {@code null}); empty for a deletion
 * @param version the gateway version written on the object, {@code null} when it carries none (an
 * object created or last written at the vendor before the gateway wrote it)
 * @param modifiedAt the vendor's modification time of this state, in milliseconds
 * @param deleted whether the object is deleted (or archived) at the vendor
 * @param unresolved the vendor ids of the objects this one refers to that are linked to no entity
 * yet, by entity type (an invoice's customer created at the vendor and not taken in): their
 * reference is left out of {@code attributes}
 */
public record InboundChange(String catalog, EntityType type, String remoteId, UUID entityId, boolean linked,
		Map<String, Object> attributes, Long version, Instant modifiedAt, boolean deleted,
		Map<EntityType, Set<String>> unresolved) {

	public InboundChange {
		Objects.requireNonNull(catalog, "catalog");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(remoteId, "remoteId");
		// millisecond precision, as every timestamp the gateway keeps (the marks compare them)
		modifiedAt = Objects.requireNonNull(modifiedAt, "modifiedAt").truncatedTo(ChronoUnit.MILLIS);
		attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
		unresolved = Map.copyOf(Objects.requireNonNull(unresolved, "unresolved"));
	}

	/** A change whose references are all resolved. */
	public InboundChange(String catalog, EntityType type, String remoteId, UUID entityId, boolean linked,
			Map<String, Object> attributes, Long version, Instant modifiedAt, boolean deleted) {
		this(catalog, type, remoteId, entityId, linked, attributes, version, modifiedAt, deleted, Map.of());
	}

	/** Whether the object carries the gateway's identity (it was written by the gateway at least once). */
	public boolean fromGateway() {
		return this.version != null;
	}
}
