-- Webhook notifications as received, before anything is applied: the endpoint answers 200 only once a row is here, and a
-- worker drains it through the same mapping as the import. One row per notification id, so a redelivery is not stored twice.

CREATE TABLE webhook_inbox (
    id              INTEGER PRIMARY KEY,
    notification_id TEXT NOT NULL UNIQUE,
    topic           TEXT NOT NULL,
    app_id          TEXT NOT NULL,
    item_type       TEXT,
    item_id         TEXT,
    item_updated_at INTEGER,
    created_at      INTEGER NOT NULL,
    body            TEXT NOT NULL,
    received_at     INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claimed_until   INTEGER,
    applied_at      INTEGER,
    outcome         TEXT,
    error           TEXT
);
CREATE INDEX webhook_inbox_pending ON webhook_inbox (id) WHERE applied_at IS NULL;
