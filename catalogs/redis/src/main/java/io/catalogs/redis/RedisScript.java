package io.catalogs.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script of this module with the SHA-1 digest that {@code EVALSHA} names it by; the source is
 * sent with {@code EVAL} only when the server does not know the digest yet (first use, or after a
 * restart or {@code SCRIPT FLUSH}).
 *
 * @param name the resource name next to this class
 * @param source the Lua text
 * @param sha the lower-case hex SHA-1 of the source
 */
record RedisScript(String name, String source, String sha) {

	/** Writes an entity with its indexes under a version check. */
	static final RedisScript WRITE_ENTITY = load("write-entity.lua");

	/** Reads a range of an index with the hashes of its members. */
	static final RedisScript WALK_INDEX = load("walk-index.lua");

	/** Reads several hashes. */
	static final RedisScript GET_ENTITIES = load("get-entities.lua");

	static RedisScript load(String name) {
		try (InputStream in = RedisScript.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing script " + name);
			}
			String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
			return new RedisScript(name, source, HexFormat.of().formatHex(digest));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
