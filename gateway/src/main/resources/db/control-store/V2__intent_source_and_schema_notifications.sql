-- The catalog an outbox row's change was written to. The recovery sweep of INTENT rows reads the
-- entity's current state from it. While a row is INTENT, payload is NULL, or for a delete the
-- tombstone the delete would write (published if the entity turns out to be gone).
ALTER TABLE outbox ADD COLUMN source text;

CREATE INDEX outbox_intent ON outbox (created_at) WHERE state = 'INTENT';

-- the notification names the schema, so that a relay ignores the outboxes of other control
-- stores in the same database (tests, several gateways)
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('outbox', TG_TABLE_SCHEMA);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
