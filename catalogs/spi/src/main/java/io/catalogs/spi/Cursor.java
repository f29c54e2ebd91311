package io.catalogs.spi;

import io.catalogs.schema.Entity;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A keyset position in a sorted listing: the sort field's value and the id of an entity. "After"
 * a cursor means after that entity in the listing's order, whether or not it still exists.
 *
 * @param sortValue the sort field's value at that entity, {@code null} when it had none
 * @param id the entity's id (the tie breaker)
 */
public record Cursor(Object sortValue, UUID id) {

	private static final String NULL = "~";

	public Cursor {
		Objects.requireNonNull(id, "id");
	}

	/** The cursor of an entity in a listing ordered by {@code sort}. */
	public static Cursor of(Entity entity, Sort sort) {
		return new Cursor(entity.value(sort.field()), entity.id());
	}

	/** An opaque, URL-safe text form that names the sort field, so a cursor of another order is refused. */
	public String encode(EntityType type, Sort sort) {
		FieldType fieldType = type.field(sort.field()).type();
		String value = (this.sortValue != null) ? "=" + fieldType.format(this.sortValue) : NULL;
		String plain = sort.field() + (sort.descending() ? "-" : "+") + "|" + this.id + "|" + value;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Read a cursor written by {@link #encode} for the same entity type and order.
	 * @throws IllegalArgumentException if the text is not such a cursor
	 */
	public static Cursor decode(String text, EntityType type, Sort sort) {
		String plain;
		try {
			plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("malformed cursor");
		}
		String[] parts = plain.split("\\|", 3);
		String expectedOrder = sort.field() + (sort.descending() ? "-" : "+");
		if (parts.length != 3 || !parts[0].equals(expectedOrder)) {
			throw new IllegalArgumentException("cursor belongs to another listing or order");
		}
		try {
			UUID id = UUID.fromString(parts[1]);
			Object value = parts[2].equals(NULL) ? null
					: type.field(sort.field()).type().parse(parts[2].substring(1));
			return new Cursor(value, id);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("malformed cursor");
		}
	}
}
