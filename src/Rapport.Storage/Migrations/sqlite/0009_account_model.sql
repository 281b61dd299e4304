-- The account model: every saved version of the definitions document (the newest is in force), and each
-- account's computed state. The whole state is JSON (what the next computation carries: indicators' activation dates);
-- MRR, type, overall health and owner are columns beside it so that lists can filter and sort on them by index.

CREATE TABLE model_definitions (
    version  INTEGER PRIMARY KEY,
    document TEXT NOT NULL CHECK (json_valid(document)),
    saved_by TEXT NOT NULL,
    saved_at INTEGER NOT NULL
);

CREATE TABLE account_states (
    account_id          INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    definitions_version INTEGER NOT NULL,
    mrr                 TEXT,
    currency            TEXT,
    type                TEXT NOT NULL,
    health              REAL,
    owner_user_id       TEXT,
    state               TEXT NOT NULL CHECK (json_valid(state)),
    computed_at         INTEGER NOT NULL
);
CREATE INDEX account_states_type ON account_states (type, account_id);
CREATE INDEX account_states_health ON account_states (health, account_id);
CREATE INDEX account_states_mrr ON account_states (CAST(mrr AS REAL), account_id);
-- The events of the names a model reads, per user: the recompute's one event query walks this instead of every event.
CREATE INDEX events_user_name ON events (user_id, name, occurred_at);
