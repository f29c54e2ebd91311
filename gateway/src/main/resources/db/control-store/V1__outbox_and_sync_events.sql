-- The gateway's control store: the transactional outbox and the state of every sync event.

-- Debezium outbox-router columns (id, aggregatetype, aggregateid, type, payload), so a CDC
-- connector could replace the polling relay without a schema change.
CREATE TABLE outbox (
    id            uuid        PRIMARY KEY,
    seq           bigserial   NOT NULL,
    aggregatetype text        NOT NULL,          -- entity type: customer, invoice
    aggregateid   text        NOT NULL,          -- entity id (Kafka key)
    type          text        NOT NULL,          -- CREATE, UPDATE, DELETE, SYNC
    payload       jsonb,                         -- the ChangeEvent; NULL while state = INTENT
    state         text        NOT NULL DEFAULT 'READY',  -- INTENT (write in progress) or READY
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);

-- the relay reads only unpublished rows; published ones are pruned after a retention period
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- wakes the relay as soon as a row commits (it also polls, in case a notification is missed)
CREATE FUNCTION outbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_notify AFTER INSERT OR UPDATE OF state ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- one row per sync event and target catalog
CREATE TABLE sync_events (
    id              uuid        PRIMARY KEY,     -- the SyncEvent id clients see
    event_id        uuid        NOT NULL,        -- the ChangeEvent (outbox row) it belongs to
    target          text        NOT NULL,
    entity_type     text        NOT NULL,
    entity_id       uuid        NOT NULL,
    operation       text        NOT NULL,
    version         bigint      NOT NULL,
    source          text        NOT NULL,
    origin          text,
    state           text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    error           text,
    next_attempt_at timestamptz,
    payload         jsonb       NOT NULL,        -- the ChangeEvent, for retries and replays
    committed_at    timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, target)
);

CREATE INDEX sync_events_entity ON sync_events (entity_id, created_at DESC);
CREATE INDEX sync_events_state ON sync_events (state, created_at DESC);
CREATE INDEX sync_events_due ON sync_events (next_attempt_at) WHERE state = 'RETRYING';
CREATE INDEX sync_events_created ON sync_events (created_at DESC, id);
