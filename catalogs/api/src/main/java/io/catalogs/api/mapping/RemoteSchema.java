package io.catalogs.api.mapping;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The paths of one kind of vendor object (a Stripe customer, a HubSpot contact) that mappings may
 * name: what mapping validation checks every configured path against.
 *
 * @param object what the object is called in messages ({@code Stripe customer})
 * @param paths the paths, exact ones before wildcards
 */
public record RemoteSchema(String object, List<RemotePath> paths) {

	public RemoteSchema {
		paths = List.copyOf(paths);
	}

	public static RemoteSchema of(String object, RemotePath... paths) {
		return new RemoteSchema(object, List.of(paths));
	}

	/** The path definition {@code path} names: an exact one first, else the first wildcard that matches. */
	public Optional<RemotePath> find(String path) {
		return this.paths.stream().filter((candidate) -> !candidate.isWildcard() && candidate.matches(path)).findFirst()
			.or(() -> this.paths.stream().filter((candidate) -> candidate.matches(path)).findFirst());
	}

	/** The known paths, for error messages. */
	public String describe() {
		return this.paths.stream().map((path) -> path.path() + (path.writable() ? "" : " (read-only)"))
			.collect(Collectors.joining(", "));
	}
}
