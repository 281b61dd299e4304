-- Data events attached to hub users, and one row per event name with its status. Intercom de-duplicates an event on
-- workspace + contact + event name + created_at (Intercom's API reference, "Submit a data event"); dedup_key is that
-- tuple, hashed, so a redelivered event is stored once. An ignored name stores nothing: its events are only counted
-- (dropped_count). A purge deletes a name's events and keeps its row: purged_count says how many went, so stored_count
-- stays what was ever stored.

CREATE TABLE event_names (
    source            TEXT NOT NULL,
    name              TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('tracked', 'ignored')),
    first_seen        INTEGER NOT NULL,
    last_seen         INTEGER NOT NULL,
    stored_count      INTEGER NOT NULL DEFAULT 0,
    dropped_count     INTEGER NOT NULL DEFAULT 0,
    unmatched_count   INTEGER NOT NULL DEFAULT 0,
    purged_count      INTEGER NOT NULL DEFAULT 0,
    status_changed_by TEXT,
    status_changed_at INTEGER,
    PRIMARY KEY (source, name)
);

CREATE TABLE events (
    id                INTEGER PRIMARY KEY,
    source            TEXT NOT NULL,
    workspace         TEXT,
    dedup_key         TEXT NOT NULL,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_external_id  TEXT NOT NULL,
    contact_source_id TEXT,
    name              TEXT NOT NULL,
    occurred_at       INTEGER NOT NULL,
    metadata          TEXT NOT NULL CHECK (json_valid(metadata)),
    received_at       INTEGER NOT NULL,
    UNIQUE (source, dedup_key)
);
-- A user's events newest first, and through memberships an account's timeline; a purge deletes by name.
CREATE INDEX events_user ON events (user_id, occurred_at, id);
CREATE INDEX events_name ON events (source, name);
