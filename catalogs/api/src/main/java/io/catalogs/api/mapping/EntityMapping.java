package io.catalogs.api.mapping;

import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.spi.Capability;
import io.catalogs.spi.Condition;
import io.catalogs.spi.Operator;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checked mapping of one entity type to one kind of vendor object, for one catalog: converts
 * whole entities to the vendor's flat form and back, filter conditions to the vendor's terms, and
 * tells which entities a vendor object refers to. Built by {@link MappingCompiler}; immutable and
 * thread-safe. Mapping never waits: links between entities are looked up before and passed in.
 */
public final class EntityMapping {

	private static final Logger logger = LoggerFactory.getLogger(EntityMapping.class);

	private final EntityType type;

	private final Map<String, FieldMapping> fields;

	EntityMapping(EntityType type, List<FieldMapping> fields) {
		this.type = type;
		Map<String, FieldMapping> byName = new LinkedHashMap<>();
		fields.forEach((mapping) -> byName.put(mapping.field().name(), mapping));
		this.fields = byName;
	}

	public EntityType type() {
		return this.type;
	}

	/** The vendor path holding the entity id (a single text path). */
	public String idPath() {
		return this.fields.get(EntityType.ID).paths().get(0);
	}

	/** The vendor paths of {@code field}; empty when the field is not mapped. */
	public List<String> pathsOf(String field) {
		FieldMapping mapping = this.fields.get(field);
		return (mapping != null) ? mapping.paths() : List.of();
	}

	/** The entity type {@code field} refers to through links, if it is such a reference. */
	public Optional<EntityType> linkTargetOf(String field) {
		FieldMapping mapping = this.fields.get(field);
		return Optional.ofNullable((mapping != null) ? mapping.linkTarget() : null);
	}

	/** Every vendor path this mapping reads or writes, in field order. */
	public Set<String> paths() {
		Set<String> paths = new LinkedHashSet<>();
		this.fields.values().forEach((mapping) -> {
			paths.addAll(mapping.paths());
			paths.addAll(mapping.fallbacks());
		});
		return paths;
	}

	/**
	 * The whole state of {@code entity} in vendor form: every mapped path, {@code null} for the
	 * ones to clear.
	 * @throws MappingException if a value cannot be held by the vendor
	 * @throws UnresolvedLinkException if the entity refers to one {@code links} does not know
	 */
	public Map<String, Object> toRemote(Entity entity, Links links) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (FieldMapping mapping : this.fields.values()) {
			mapping.write(entity, out, links);
		}
		return out;
	}

	/**
	 * The live entity {@code object} holds; empty when it is not one of the gateway's (no id,
	 * version or timestamps, as objects created at the vendor directly) or a required field has no
	 * readable value.
	 */
	public Optional<Entity> toEntity(RemoteObject object, Links links) {
		try {
			UUID id = (UUID) this.fields.get(EntityType.ID).read(object, links);
			Long version = (Long) this.fields.get(InternalField.VERSION).read(object, links);
			Instant createdAt = (Instant) this.fields.get(EntityType.CREATED_AT).read(object, links);
			Instant updatedAt = (Instant) this.fields.get(EntityType.UPDATED_AT).read(object, links);
			if (id == null || version == null || createdAt == null || updatedAt == null) {
				return Optional.empty();
			}
			Map<String, Object> attributes = new HashMap<>();
			for (FieldMapping mapping : this.fields.values()) {
				if (mapping.field().system()) {
					continue;
				}
				Object value = mapping.read(object, links);
				if (value == null && mapping.required()) {
					logger.warn("{} {} ({}) has no readable {}: left out of reads", this.type, id, object.id(),
							mapping.field().name());
					return Optional.empty();
				}
				attributes.put(mapping.field().name(), value);
			}
			return Optional.of(new Entity(this.type, id, version, createdAt, updatedAt, false, attributes));
		}
		catch (RuntimeException ex) {
			logger.warn("{} object {} cannot be read as a {}: {}", this.type, object.id(), this.type, ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * The attributes {@code object} holds, whatever it lacks of the gateway's identity (objects
	 * created at the vendor directly have none): every mapped attribute that reads, {@code null}
	 * for an empty one; a field that cannot be read (a reference {@code links} does not know, a
	 * value that does not convert) is left out.
	 */
	public Map<String, Object> attributes(RemoteObject object, Links links) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (FieldMapping mapping : this.fields.values()) {
			if (mapping.field().system() || mapping.field().kind() == InternalField.Kind.VERSION) {
				continue;
			}
			try {
				attributes.put(mapping.field().name(), mapping.read(object, links));
			}
			catch (RuntimeException ex) {
				logger.debug("{} object {}: {} left out ({})", this.type, object.id(), mapping.field().name(), ex.getMessage());
			}
		}
		return attributes;
	}

	/** The entity id {@code object} carries, if readable. */
	public Optional<UUID> entityId(RemoteObject object) {
		return readQuietly(EntityType.ID, object).map(UUID.class::cast);
	}

	/** The version {@code object} carries, if readable. */
	public Optional<Long> version(RemoteObject object) {
		return readQuietly(InternalField.VERSION, object).map(Long.class::cast);
	}

	/**
	 * {@code condition} in the vendor's terms, when its field maps to one path with a conversion
	 * that keeps equality (and order, for range operators); empty otherwise. A condition on a
	 * reference whose target the catalog does not hold converts to a value nothing has.
	 */
	public Optional<RemoteCondition> toRemote(Condition condition, Links links) {
		FieldMapping mapping = this.fields.get(condition.field());
		if (mapping == null || !pushable(mapping, condition.operator())) {
			return Optional.empty();
		}
		try {
			Object value = mapping.toRemote(condition.value(), links).get(0);
			return (value != null) ? Optional.of(new RemoteCondition(mapping.paths().get(0), condition.operator(), value))
					: Optional.empty();
		}
		catch (UnresolvedLinkException ex) {
			return Optional.of(new RemoteCondition(mapping.paths().get(0), condition.operator(), UNLINKED));
		}
	}

	/** The value of a pushed-down reference to an entity the catalog does not hold: nothing matches it. */
	public static final String UNLINKED = "\u0000unlinked";

	/**
	 * The filter capabilities the vendor can serve through this mapping: every operator the
	 * vendor supports on the path of a field that converts faithfully.
	 */
	public Set<Capability> filterCapabilities(BiPredicate<String, Operator> vendorSupports) {
		Set<Capability> capabilities = new LinkedHashSet<>();
		for (FieldMapping mapping : this.fields.values()) {
			if (mapping.field().kind() == InternalField.Kind.VERSION || mapping.field().kind() == InternalField.Kind.JSON) {
				continue;
			}
			for (Operator operator : Operator.values()) {
				if (pushable(mapping, operator) && vendorSupports.test(mapping.paths().get(0), operator)) {
					capabilities.add(Capability.filter(this.type, mapping.field().name(), operator));
				}
			}
		}
		return capabilities;
	}

	/** The entities of other types {@code entity} refers to, by type. */
	public Map<EntityType, Set<UUID>> references(Entity entity) {
		Map<EntityType, Set<UUID>> references = new HashMap<>();
		for (FieldMapping mapping : this.fields.values()) {
			Object value = mapping.field().valueOf(entity);
			if (mapping.linkTarget() != null && value != null) {
				references.computeIfAbsent(mapping.linkTarget(), (k) -> new LinkedHashSet<>()).add((UUID) value);
			}
		}
		return references;
	}

	/** The vendor ids of other types the objects refer to, by type. */
	public Map<EntityType, Set<String>> references(Collection<RemoteObject> objects) {
		Map<EntityType, Set<String>> references = new HashMap<>();
		for (FieldMapping mapping : this.fields.values()) {
			if (mapping.linkTarget() == null) {
				continue;
			}
			for (RemoteObject object : objects) {
				if (object.get(mapping.paths().get(0)) instanceof String remoteId) {
					references.computeIfAbsent(mapping.linkTarget(), (k) -> new LinkedHashSet<>()).add(remoteId);
				}
			}
		}
		return references;
	}

	private static boolean pushable(FieldMapping mapping, Operator operator) {
		// a field read from fallback paths too cannot be filtered at its one path
		if (mapping.paths().size() != 1 || !mapping.fallbacks().isEmpty() || operator == Operator.CONTAINS) {
			return false;
		}
		return (operator == Operator.EQ) ? mapping.converter().preservesEquality() : mapping.converter().preservesOrder();
	}

	private Optional<Object> readQuietly(String field, RemoteObject object) {
		try {
			return Optional.ofNullable(this.fields.get(field).read(object, Links.NONE));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}
}
