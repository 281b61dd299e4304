-- The push of account data onto Intercom: what was last pushed to each company and contact (a JSON object of
-- attribute values), written as each update lands, and every data attribute a push has written (stale ones are listed).

CREATE TABLE push_snapshots (
    model     TEXT NOT NULL CHECK (model IN ('company', 'contact')),
    target_id TEXT NOT NULL,
    payload   TEXT NOT NULL CHECK (json_valid(payload)),
    pushed_at INTEGER NOT NULL,
    PRIMARY KEY (model, target_id)
);

CREATE TABLE push_attributes (
    model           TEXT NOT NULL CHECK (model IN ('company', 'contact')),
    name            TEXT NOT NULL,
    data_type       TEXT NOT NULL,
    first_pushed_at INTEGER NOT NULL,
    archived_at     INTEGER,
    PRIMARY KEY (model, name)
);
