-- Segment as a second source. Messages are kept as received before anything is applied: the ingest answers
-- only once its rows are here, and a worker applies them in order. Anonymous-only calls wait aside until an identify links
-- their anonymousId to a user. A merge keeps what it changed, so undo restores exactly the prior state.

CREATE TABLE segment_inbox (
    id          INTEGER PRIMARY KEY,
    message_id  TEXT NOT NULL,
    type        TEXT NOT NULL,
    body        TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    applied_at  INTEGER,
    outcome     TEXT
);
CREATE INDEX segment_inbox_pending ON segment_inbox (id) WHERE applied_at IS NULL;

CREATE TABLE segment_anonymous (
    id           INTEGER PRIMARY KEY,
    anonymous_id TEXT NOT NULL,
    body         TEXT NOT NULL,
    kept_at      INTEGER NOT NULL,
    attached_to  TEXT,
    attached_at  INTEGER
);
CREATE INDEX segment_anonymous_waiting ON segment_anonymous (anonymous_id) WHERE attached_at IS NULL;

-- The account a track call named (context.groupId) or the user's most recent account when it arrived.
ALTER TABLE events ADD COLUMN account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL;
-- Events of one source dropped because the other source had delivered the same one (cross-source de-duplication).
ALTER TABLE event_names ADD COLUMN folded_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE merges (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('account', 'user')),
    kept_id     INTEGER NOT NULL,
    merged_id   INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    prior       TEXT NOT NULL CHECK (json_valid(prior)),
    merged_by   TEXT NOT NULL,
    merged_at   INTEGER NOT NULL,
    undone_by   TEXT,
    undone_at   INTEGER
);
CREATE INDEX merges_recent ON merges (merged_at);
