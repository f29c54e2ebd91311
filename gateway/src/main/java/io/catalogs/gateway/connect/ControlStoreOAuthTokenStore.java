package io.catalogs.gateway.connect;

import io.catalogs.api.OAuthTokenStore;
import io.catalogs.client.http.OAuth2Token;
import io.catalogs.gateway.sync.ControlStore;
import io.catalogs.spi.CatalogUnavailableException;

import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * The token sets of connected catalogs in the control store's {@code catalog_credentials} table,
 * sealed by a {@link CredentialCipher}: one row per catalog holding the key id, the nonce and the
 * ciphertext, never a token in clear. Shared by every gateway instance; survives restarts.
 */
public final class ControlStoreOAuthTokenStore implements OAuthTokenStore {

	private static final Logger logger = LoggerFactory.getLogger(ControlStoreOAuthTokenStore.class);

	private final ControlStore store;

	private final CredentialCipher cipher;

	private final String table;

	public ControlStoreOAuthTokenStore(ControlStore store, CredentialCipher cipher) {
		this.store = store;
		this.cipher = cipher;
		this.table = store.table("catalog_credentials");
	}

	@Override
	public Mono<OAuth2Token> find(String catalog) {
		return this.store.client()
			.sql("SELECT key_id, nonce, ciphertext FROM " + this.table + " WHERE catalog = :catalog")
			.bind("catalog", catalog)
			.map(ControlStoreOAuthTokenStore::sealed)
			.one()
			.onErrorMap(this::translate)
			.map((sealed) -> TokenSetCodec.decode(this.cipher.open(catalog, sealed)));
	}

	@Override
	public Mono<Void> save(String catalog, OAuth2Token token) {
		SealedCredential sealed = this.cipher.seal(catalog, TokenSetCodec.encode(token));
		return this.store.client()
			.sql("INSERT INTO " + this.table + " (catalog, key_id, nonce, ciphertext) VALUES (:catalog, :key, :nonce, :text)"
					+ " ON CONFLICT (catalog) DO UPDATE SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce,"
					+ " ciphertext = EXCLUDED.ciphertext, updated_at = now()")
			.bind("catalog", catalog)
			.bind("key", sealed.keyId())
			.bind("nonce", sealed.nonce())
			.bind("text", sealed.ciphertext())
			.then()
			.onErrorMap(this::translate);
	}

	/** Whether a token set is stored for {@code catalog} (without opening it). */
	public Mono<Boolean> exists(String catalog) {
		return this.store.client()
			.sql("SELECT 1 FROM " + this.table + " WHERE catalog = :catalog")
			.bind("catalog", catalog)
			.map((row) -> true)
			.one()
			.defaultIfEmpty(false)
			.onErrorMap(this::translate);
	}

	/**
	 * Re-seal every token set not sealed with the current key, each under a fresh nonce; a row
	 * changed meanwhile (a refresh on another instance) is left to that writer, which used the
	 * current key if it runs the new configuration. Emits how many rows were re-sealed.
	 */
	public Mono<Long> rotate() {
		String current = this.cipher.currentKeyId();
		return this.store.client()
			.sql("SELECT catalog, key_id, nonce, ciphertext FROM " + this.table + " WHERE key_id <> :key")
			.bind("key", current)
			.map((row) -> new Row(row.get("catalog", String.class), sealed(row)))
			.all()
			.concatMap(this::reseal)
			.reduce(0L, (count, updated) -> count + updated)
			.doOnNext((count) -> logger.info("Re-sealed {} stored credential(s) with key '{}'", count, current));
	}

	private Mono<Long> reseal(Row row) {
		SealedCredential fresh = this.cipher.seal(row.catalog(), this.cipher.open(row.catalog(), row.sealed()));
		return this.store.client()
			.sql("UPDATE " + this.table + " SET key_id = :key, nonce = :nonce, ciphertext = :text, updated_at = now()"
					+ " WHERE catalog = :catalog AND key_id = :oldKey AND nonce = :oldNonce")
			.bind("key", fresh.keyId())
			.bind("nonce", fresh.nonce())
			.bind("text", fresh.ciphertext())
			.bind("catalog", row.catalog())
			.bind("oldKey", row.sealed().keyId())
			.bind("oldNonce", row.sealed().nonce())
			.fetch()
			.rowsUpdated();
	}

	private static SealedCredential sealed(Readable row) {
		return new SealedCredential(row.get("key_id", String.class), bytes(row.get("nonce")),
				bytes(row.get("ciphertext")));
	}

	private static byte[] bytes(Object value) {
		if (value instanceof byte[] array) {
			return array;
		}
		java.nio.ByteBuffer buffer = ((java.nio.ByteBuffer) value).duplicate();
		byte[] array = new byte[buffer.remaining()];
		buffer.get(array);
		return array;
	}

	private Throwable translate(Throwable error) {
		return (error instanceof TransientDataAccessException || error instanceof DataAccessResourceFailureException)
				? new CatalogUnavailableException("control-store", error) : error;
	}

	private record Row(String catalog, SealedCredential sealed) {
	}
}
