-- Webhook events are recorded before they are applied (HubSpot's are applied after the answer):
-- applied_at stays NULL until the change is in the primary, so that a redelivery of an event not
-- applied yet, and the background retry, apply it instead of dropping it as a duplicate.
ALTER TABLE webhook_events ADD COLUMN applied_at timestamptz;
UPDATE webhook_events SET applied_at = received_at;
CREATE INDEX webhook_events_pending ON webhook_events (received_at) WHERE applied_at IS NULL;
