package io.catalogs.schema;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One committed change of one entity, as it travels from the outbox through Kafka to every target
 * catalog: the full state of the entity after the change (a tombstone for deletes), so a target
 * applies it with apply-if-newer and duplicates or reordering are harmless.
 *
 * @param id unique id of the event
 * @param operation what produced it
 * @param source the catalog the snapshot was read from (the primary for writes)
 * @param origin the catalog the change came in from (webhook, pull, a write to a secondary), or
 * {@code null} when a client wrote it through the gateway; never sent back there
 * @param targets the catalogs to apply it to; empty means every catalog holding the type except
 * the source and the origin
 * @param committedAt when the change was committed at the source (start of propagation lag)
 * @param entity the entity's state after the change
 */
public record ChangeEvent(UUID id, ChangeOperation operation, String source, String origin, List<String> targets,
		Instant committedAt, Entity entity) {

	public ChangeEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(committedAt, "committedAt");
		Objects.requireNonNull(entity, "entity");
		targets = (targets != null) ? List.copyOf(targets) : List.of();
	}

	/** Whether the event goes to {@code catalog}, given the catalogs that hold its entity type. */
	public boolean isFor(String catalog) {
		if (catalog.equals(this.source) || catalog.equals(this.origin)) {
			return false;
		}
		return this.targets.isEmpty() || this.targets.contains(catalog);
	}
}
