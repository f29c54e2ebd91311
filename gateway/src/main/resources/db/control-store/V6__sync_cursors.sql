-- Incremental pulls of API catalogs (docs/pulls.md).
--
-- One cursor per catalog and entity type: the next pull reads the changes modified at or after
-- `position` (inclusive; NULL = from the beginning). It moves forward only, and only after every
-- change up to it was applied; `epoch` counts resets, so a pull that started before a reset
-- cannot move the reset cursor. `owner`/`lease_until` make one gateway instance the puller of the
-- cursor at a time; the run_* columns show the progress of the running (or last) pull.
CREATE TABLE sync_cursors (
    catalog         text        NOT NULL,
    entity_type     text        NOT NULL,
    position        timestamptz,
    epoch           bigint      NOT NULL DEFAULT 0,
    owner           text,
    lease_until     timestamptz,
    running         boolean     NOT NULL DEFAULT false,
    run_started_at  timestamptz,
    run_finished_at timestamptz,
    run_fetched     bigint      NOT NULL DEFAULT 0,
    run_applied     bigint      NOT NULL DEFAULT 0,
    total_fetched   bigint      NOT NULL DEFAULT 0,
    total_applied   bigint      NOT NULL DEFAULT 0,
    last_error      text,
    last_error_at   timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (catalog, entity_type)
);

-- The vendor modification time of the newest state of each vendor object taken in (pull or
-- webhook) and the entity it was applied to: a change not newer than it is a duplicate (or an
-- older state) and is applied no more. Written in the transaction of the primary write when the
-- primary shares the control store's transactions.
CREATE TABLE inbound_marks (
    catalog     text        NOT NULL,
    entity_type text        NOT NULL,
    remote_id   text        NOT NULL,
    entity_id   uuid,
    modified_at timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (catalog, entity_type, remote_id)
);
