package io.catalogs.api.mapping;

import io.catalogs.api.mapping.InternalField.Kind;
import io.catalogs.schema.EntityType;
import io.catalogs.schema.EntityTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The conversions between field kinds and vendor value kinds, chosen from a mapping's
 * {@code convert} key (or implied by the kinds when it has none) and checked to fit at startup.
 */
final class Conversions {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Conversions() {
	}

	/**
	 * The converter of {@code field} to {@code paths} as {@code properties} configure it.
	 * @throws IllegalArgumentException naming what does not fit
	 */
	static Converter resolve(String catalog, InternalField field, List<RemotePath> paths, FieldMappingProperties properties) {
		String convert = properties.convert();
		if ("split-name".equals(convert)) {
			return splitName(field, paths, properties.singleWord());
		}
		if (paths.size() != 1) {
			throw new IllegalArgumentException("takes one path (two only with convert: split-name)");
		}
		RemoteValueType remote = paths.get(0).type();
		if (properties.values() != null || "enum".equals(convert)) {
			require(field.kind() == Kind.ENUM && remote == RemoteValueType.TEXT, "values (an enum map)", field, remote);
			return enumMap(field, properties.values());
		}
		if (convert != null && convert.startsWith("link:")) {
			EntityType target = EntityTypes.find(convert.substring(5))
				.orElseThrow(() -> new IllegalArgumentException("convert '" + convert + "' names no entity type"));
			require(field.kind() == Kind.ID && remote == RemoteValueType.TEXT, convert, field, remote);
			return link(catalog, target);
		}
		if (convert == null || convert.equals("json-text")) {
			return implicit(field, remote, convert);
		}
		return switch (convert) {
			case "cents" -> {
				require(field.kind() == Kind.DECIMAL && remote == RemoteValueType.INTEGER, convert, field, remote);
				yield ordered(single(Conversions::toCents, (cents) -> BigDecimal.valueOf((Long) cents, 2)));
			}
			case "epoch-seconds" -> {
				require(field.kind() == Kind.TIMESTAMP && remote == RemoteValueType.INTEGER, convert, field, remote);
				yield lossy(single((time) -> ((Instant) time).getEpochSecond(), (seconds) -> Instant.ofEpochSecond((Long) seconds)));
			}
			case "epoch-millis" -> {
				require(field.kind() == Kind.TIMESTAMP && remote == RemoteValueType.INTEGER, convert, field, remote);
				yield ordered(single((time) -> ((Instant) time).toEpochMilli(), (millis) -> Instant.ofEpochMilli((Long) millis)));
			}
			case "date" -> {
				require(field.kind() == Kind.TIMESTAMP && remote == RemoteValueType.DATE, convert, field, remote);
				yield lossy(single((time) -> LocalDate.ofInstant((Instant) time, ZoneOffset.UTC),
						(date) -> ((LocalDate) date).atStartOfDay(ZoneOffset.UTC).toInstant()));
			}
			default -> throw new IllegalArgumentException("convert '" + convert + "' is not a conversion; known: cents, "
					+ "epoch-seconds, epoch-millis, date, json-text, split-name, link:<entity-type>");
		};
	}

	private static Converter implicit(InternalField field, RemoteValueType remote, String convert) {
		Kind kind = field.kind();
		if (remote == RemoteValueType.TEXT) {
			return switch (kind) {
				case TEXT, ENUM -> single(Function.identity(), Function.identity());
				case ID -> single(Object::toString, (text) -> UUID.fromString((String) text));
				case TIMESTAMP -> single(Object::toString, (text) -> Instant.parse((String) text));
				case DECIMAL -> single((value) -> ((BigDecimal) value).toPlainString(), (text) -> new BigDecimal((String) text));
				case JSON -> single(JsonText::format, (text) -> JsonText.parse((String) text));
				case VERSION -> single(Object::toString, (text) -> Long.valueOf((String) text));
			};
		}
		if (convert != null) {
			throw new IllegalArgumentException("convert 'json-text' needs a text path, not " + remote);
		}
		if ((kind == Kind.DECIMAL && remote == RemoteValueType.DECIMAL)
				|| (kind == Kind.TIMESTAMP && remote == RemoteValueType.TIMESTAMP)
				|| (kind == Kind.VERSION && remote == RemoteValueType.INTEGER)) {
			return ordered(single(Function.identity(), Function.identity()));
		}
		if (kind == Kind.VERSION && remote == RemoteValueType.DECIMAL) {
			return single((version) -> BigDecimal.valueOf((Long) version), (number) -> ((BigDecimal) number).longValueExact());
		}
		throw new IllegalArgumentException("a " + kind.name().toLowerCase(Locale.ROOT) + " field cannot be held in a "
				+ remote.name().toLowerCase(Locale.ROOT) + " path without a conversion (convert: ...)");
	}

	private static long toCents(Object value) {
		BigDecimal amount = (BigDecimal) value;
		try {
			return amount.multiply(HUNDRED).toBigIntegerExact().longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new MappingException("amount " + amount.toPlainString() + " has more than two decimals or is too large "
					+ "to be held in cents");
		}
	}

	private static Converter enumMap(InternalField field, Map<String, String> configured) {
		if (configured == null) {
			throw new IllegalArgumentException("convert: enum needs values (the vendor value of each name)");
		}
		Map<String, String> toRemote = new HashMap<>();
		Map<String, String> toInternal = new HashMap<>();
		configured.forEach((name, remote) -> {
			String internal = field.enumValues().stream().filter((value) -> value.equalsIgnoreCase(name)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not one of " + field.enumValues()));
			toRemote.put(internal, remote);
			if (toInternal.put(remote, internal) != null) {
				throw new IllegalArgumentException("'" + remote + "' is the vendor value of two names, so it "
						+ "cannot be read back");
			}
		});
		List<String> missing = field.enumValues().stream().filter((value) -> !toRemote.containsKey(value)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("no vendor value for " + missing);
		}
		return single(toRemote::get, (remote) -> {
			String internal = toInternal.get(remote);
			if (internal == null) {
				throw new IllegalArgumentException("'" + remote + "' is not a mapped value");
			}
			return internal;
		});
	}

	private static Converter link(String catalog, EntityType target) {
		return new Converter() {
			@Override
			public List<Object> write(Object value, Links links) {
				String remoteId = links.remoteId(target, (UUID) value);
				if (remoteId == null) {
					throw new UnresolvedLinkException(catalog, target, (UUID) value);
				}
				return List.of(remoteId);
			}

			@Override
			public Object read(List<Object> values, Links links) {
				return (values.get(0) != null) ? links.entityId(target, (String) values.get(0)) : null;
			}
		};
	}

	private static Converter splitName(InternalField field, List<RemotePath> paths, String singleWord) {
		if (field.kind() != Kind.TEXT || paths.size() != 2 || paths.stream().anyMatch((p) -> p.type() != RemoteValueType.TEXT)) {
			throw new IllegalArgumentException("convert 'split-name' maps a text field to two text paths (first, last)");
		}
		if (singleWord != null && !singleWord.equals("first") && !singleWord.equals("last")) {
			throw new IllegalArgumentException("single-word must be first or last, not '" + singleWord + "'");
		}
		boolean toLast = "last".equals(singleWord);
		return new Converter() {
			@Override
			public List<Object> write(Object value, Links links) {
				String name = (String) value;
				int space = name.indexOf(' ');
				List<Object> parts = new ArrayList<>(2);
				if (space < 0) {
					parts.add(toLast ? null : name);
					parts.add(toLast ? name : null);
				}
				else {
					parts.add(name.substring(0, space));
					parts.add(name.substring(space + 1));
				}
				return parts;
			}

			@Override
			public Object read(List<Object> values, Links links) {
				String first = (String) values.get(0);
				String last = (String) values.get(1);
				if (first == null || last == null) {
					return (first != null) ? first : last;
				}
				return first + " " + last;
			}

			@Override
			public boolean preservesEquality() {
				return false;
			}
		};
	}

	private static void require(boolean fits, String convert, InternalField field, RemoteValueType remote) {
		if (!fits) {
			throw new IllegalArgumentException(convert + " does not convert a " + field.kind().name().toLowerCase(Locale.ROOT)
					+ " field to a " + remote.name().toLowerCase(Locale.ROOT) + " path");
		}
	}

	private static Converter single(Function<Object, Object> write, Function<Object, Object> read) {
		return new Converter() {
			@Override
			public List<Object> write(Object value, Links links) {
				return Collections.singletonList(write.apply(value));
			}

			@Override
			public Object read(List<Object> values, Links links) {
				return (values.get(0) != null) ? read.apply(values.get(0)) : null;
			}
		};
	}

	/** A converter whose vendor values sort as the field values do. */
	private static Converter ordered(Converter converter) {
		return new Restated(converter, converter.preservesEquality(), true);
	}

	/** A converter whose vendor side is coarser, so equal vendor values may stand for different field values. */
	private static Converter lossy(Converter converter) {
		return new Restated(converter, false, converter.preservesOrder());
	}

	/** {@code converter} with what it preserves for filters pushed down to the vendor restated. */
	private record Restated(Converter converter, boolean preservesEquality, boolean preservesOrder) implements Converter {

		@Override
		public List<Object> write(Object value, Links links) {
			return this.converter.write(value, links);
		}

		@Override
		public Object read(List<Object> values, Links links) {
			return this.converter.read(values, links);
		}
	}
}
