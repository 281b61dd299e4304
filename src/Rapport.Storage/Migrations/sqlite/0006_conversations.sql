-- Conversations kept from a source with every part ever seen: Intercom returns at most the 500 most recent parts, so parts
-- are only ever added (webhooks and earlier reads keep the older ones), and parts_truncated says when Intercom held more.
-- An older source_updated_at never overwrites a newer row. Excluded conversations (tickets, outbound emails and posts) keep
-- only their id and why, so the user can see what was left out.

CREATE TABLE conversations (
    id                INTEGER PRIMARY KEY,
    source            TEXT NOT NULL,
    source_id         TEXT NOT NULL,
    state             TEXT,
    open              INTEGER CHECK (open IN (0, 1)),
    source_type       TEXT,
    delivered_as      TEXT,
    bot_initiated     INTEGER NOT NULL CHECK (bot_initiated IN (0, 1)),
    title             TEXT,
    subject           TEXT,
    part_count        INTEGER,
    parts_truncated   INTEGER NOT NULL CHECK (parts_truncated IN (0, 1)),
    source_created_at INTEGER,
    source_updated_at INTEGER,
    raw               TEXT NOT NULL CHECK (json_valid(raw)),
    written_at        INTEGER NOT NULL,
    UNIQUE (source, source_id)
);
CREATE INDEX conversations_updated ON conversations (source_updated_at);

CREATE TABLE conversation_users (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_users_user ON conversation_users (user_id);

CREATE TABLE conversation_parts (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    part_id         TEXT NOT NULL,
    part_type       TEXT,
    body            TEXT,
    author_kind     TEXT,
    author_id       TEXT,
    author_name     TEXT,
    author_email    TEXT,
    created_at      INTEGER,
    updated_at      INTEGER,
    attachments     TEXT NOT NULL CHECK (json_valid(attachments)),
    PRIMARY KEY (conversation_id, part_id)
);
CREATE INDEX conversation_parts_created ON conversation_parts (conversation_id, created_at);

CREATE TABLE excluded_conversations (
    source            TEXT NOT NULL,
    source_id         TEXT NOT NULL,
    kind              TEXT NOT NULL,
    source_updated_at INTEGER,
    written_at        INTEGER NOT NULL,
    PRIMARY KEY (source, source_id)
);
CREATE INDEX excluded_conversations_kind ON excluded_conversations (kind);
