-- OAuth token sets of connected API catalogs (Salesforce, QuickBooks), one row per catalog,
-- sealed with AES-256-GCM (docs/connected-accounts.md): the id of the key that sealed it, the
-- 12-byte nonce used once, and the ciphertext with its 128-bit tag; the catalog name is bound in
-- as associated data, so a row copied to another catalog does not decrypt. Nothing here is
-- readable without catalogs.credentials.key.
CREATE TABLE catalog_credentials (
    catalog     text        PRIMARY KEY,
    key_id      text        NOT NULL,
    nonce       bytea       NOT NULL,
    ciphertext  bytea       NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
