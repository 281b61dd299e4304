-- The push of account data onto Intercom: what was last pushed to each company and contact (a JSON object of
-- attribute values), written as each update lands, and every data attribute a push has written (stale ones are listed).

CREATE TABLE push_snapshots (
    model     text COLLATE "C" NOT NULL CHECK (model IN ('company', 'contact')),
    target_id text COLLATE "C" NOT NULL,
    payload   json NOT NULL,
    pushed_at timestamptz NOT NULL,
    PRIMARY KEY (model, target_id)
);

CREATE TABLE push_attributes (
    model           text COLLATE "C" NOT NULL CHECK (model IN ('company', 'contact')),
    name            text COLLATE "C" NOT NULL,
    data_type       text NOT NULL,
    first_pushed_at timestamptz NOT NULL,
    archived_at     timestamptz,
    PRIMARY KEY (model, name)
);
