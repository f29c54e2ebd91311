-- Webhook events received from catalogs (POST /webhooks/{catalog}): one row per vendor event, so
-- that a redelivered event is acknowledged and applied no more; the vendor object and the event's
-- creation time order the events of one object (an event older than one already received is not
-- applied). Rows are pruned after catalogs.webhooks.retention.
CREATE TABLE webhook_events (
    catalog       text        NOT NULL,
    event_id      text        NOT NULL,          -- the vendor's event id (Stripe evt_...)
    event_type    text        NOT NULL,          -- customer.updated, ...
    object_id     text,                          -- the vendor object the event is about (cus_...)
    event_created timestamptz NOT NULL,          -- when the vendor created the event
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (catalog, event_id)
);

CREATE INDEX webhook_events_object ON webhook_events (catalog, object_id, event_created DESC);
CREATE INDEX webhook_events_received ON webhook_events (received_at);
