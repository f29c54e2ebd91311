-- Links between entity ids and the ids of the vendor objects holding them in API catalogs
-- (catalogs/api: stripe, hubspot, salesforce, quickbooks), and the tombstones of deleted entities,
-- which vendors forget. One row per catalog, entity type and entity.
CREATE TABLE api_links (
    catalog         text        NOT NULL,
    entity_type     text        NOT NULL,
    entity_id       uuid        NOT NULL,
    remote_id       text,                    -- NULL for a tombstone of an entity never held
    deleted_version bigint,                  -- NULL while live; the version of the delete otherwise
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (catalog, entity_type, entity_id),
    UNIQUE (catalog, entity_type, remote_id)
);
