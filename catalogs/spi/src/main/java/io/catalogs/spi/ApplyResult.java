package io.catalogs.spi;

/** What {@link Catalog#applyIfNewer} did with an incoming change. */
public enum ApplyResult {
	/** The change was newer than what the catalog held (or it held nothing) and is now stored. */
	APPLIED,
	/** The catalog already held this version or a newer one; nothing changed. */
	STALE
}
