package io.catalogs.api.mapping;

import java.util.Objects;

/**
 * One field of a vendor's object that a mapping may name: its path as the mapping writes it
 * ({@code email}, {@code metadata.gateway_id}), the kind of value it holds, whether the catalog
 * may write it, and the vendor's length limits. A path ending in {@code .*} stands for any key
 * below its prefix (Stripe metadata, HubSpot properties).
 *
 * @param path the path, or a prefix followed by {@code .*}
 * @param type the kind of value
 * @param writable whether creates and updates may set it (otherwise it is read-only)
 * @param maxKeyLength for a wildcard path, the longest key the vendor accepts (0: no limit)
 * @param maxLength the longest text value the vendor accepts (0: no limit)
 */
public record RemotePath(String path, RemoteValueType type, boolean writable, int maxKeyLength, int maxLength) {

	public RemotePath {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(type, "type");
	}

	/** A path the catalog may write. */
	public static RemotePath writable(String path, RemoteValueType type) {
		return new RemotePath(path, type, true, 0, 0);
	}

	/** A path the catalog may only read. */
	public static RemotePath readOnly(String path, RemoteValueType type) {
		return new RemotePath(path, type, false, 0, 0);
	}

	/** Any key below {@code prefix} (written {@code prefix.*}), writable, keys up to {@code maxKeyLength} characters. */
	public static RemotePath anyKeyBelow(String prefix, RemoteValueType type, int maxKeyLength) {
		return new RemotePath(prefix + ".*", type, true, maxKeyLength, 0);
	}

	/** This path with text values limited to {@code length} characters. */
	public RemotePath withMaxLength(int length) {
		return new RemotePath(this.path, this.type, this.writable, this.maxKeyLength, length);
	}

	/** Whether this is a wildcard path. */
	public boolean isWildcard() {
		return this.path.endsWith(".*");
	}

	/** The prefix of a wildcard path with its dot ({@code metadata.}), the path itself otherwise. */
	public String prefix() {
		return isWildcard() ? this.path.substring(0, this.path.length() - 1) : this.path;
	}

	/** Whether {@code candidate} names this path (or a key below a wildcard path). */
	public boolean matches(String candidate) {
		if (!isWildcard()) {
			return this.path.equals(candidate);
		}
		return candidate.startsWith(prefix()) && candidate.length() > prefix().length();
	}

	/** Why {@code candidate}, which {@link #matches} this path, cannot be used, or {@code null} when it can. */
	public String problemWith(String candidate) {
		if (isWildcard() && this.maxKeyLength > 0) {
			String key = candidate.substring(prefix().length());
			if (key.length() > this.maxKeyLength) {
				return "key '" + key + "' is longer than the " + this.maxKeyLength + " characters the vendor allows";
			}
		}
		return null;
	}
}
