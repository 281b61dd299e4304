-- Replies, notes and messages Rapport sends to Intercom, queued before they are sent: a send is a row first (its
-- idempotency key makes a second submit of the same form or API call the same row), then 'sending' while a worker holds it,
-- then 'sent' with Intercom's id (the part id of a reply, the message id of a message) or 'failed' with Intercom's refusal.
-- A 'sending' row whose lease ran out belongs to a process that died: the next one checks Intercom before sending again.

CREATE TABLE outbound_sends (
    id               INTEGER PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL CHECK (kind IN ('reply', 'note', 'message')),
    status           TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    teammate_id      INTEGER NOT NULL,
    admin_id         TEXT NOT NULL,
    conversation_id  TEXT,
    contact_id       TEXT,
    user_external_id TEXT,
    channel          TEXT,
    subject          TEXT,
    body             TEXT NOT NULL,
    attachment_urls  TEXT NOT NULL CHECK (json_valid(attachment_urls)),
    intercom_id      TEXT,
    error            TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    queued_at        INTEGER NOT NULL,
    claimed_until    INTEGER,
    sent_at          INTEGER
);
CREATE INDEX outbound_sends_pending ON outbound_sends (id) WHERE status IN ('queued', 'sending');
CREATE INDEX outbound_sends_conversation ON outbound_sends (conversation_id);
