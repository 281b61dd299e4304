-- The account model: every saved version of the definitions document (the newest is in force), and each
-- account's computed state. The whole state is JSON (what the next computation carries: indicators' activation dates);
-- MRR, type, overall health and owner are columns beside it so that lists can filter and sort on them by index.

CREATE TABLE model_definitions (
    version  integer PRIMARY KEY,
    document json NOT NULL,
    saved_by text NOT NULL,
    saved_at timestamptz NOT NULL
);

CREATE TABLE account_states (
    account_id          bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    definitions_version integer NOT NULL,
    mrr                 numeric,
    currency            text,
    type                text COLLATE "C" NOT NULL,
    health              double precision,
    owner_user_id       text COLLATE "C",
    state               json NOT NULL,
    computed_at         timestamptz NOT NULL
);
CREATE INDEX account_states_type ON account_states (type, account_id);
CREATE INDEX account_states_health ON account_states (health, account_id);
CREATE INDEX account_states_mrr ON account_states (mrr, account_id);
-- The events of the names a model reads, per user: the recompute's one event query walks this instead of every event.
CREATE INDEX events_user_name ON events (user_id, name, occurred_at);
