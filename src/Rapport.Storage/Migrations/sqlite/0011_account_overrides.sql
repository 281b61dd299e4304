-- What teammates set by hand on an account, each with who and when: the owner, which wins over the owner
-- trait; segment memberships, which win over a segment's rule; and indicators marked addressed, each mark naming the
-- activation it was made on so that a later activation starts unaddressed.

CREATE TABLE account_owner_overrides (
    account_id       INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    user_external_id TEXT NOT NULL,
    set_by           TEXT NOT NULL,
    set_at           INTEGER NOT NULL
);

CREATE TABLE account_segment_overrides (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    segment    TEXT NOT NULL,
    member     INTEGER NOT NULL CHECK (member IN (0, 1)),
    set_by     TEXT NOT NULL,
    set_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, segment)
);

CREATE TABLE indicator_addressed (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    indicator    TEXT NOT NULL,
    activated_at INTEGER NOT NULL,
    addressed_by TEXT NOT NULL,
    addressed_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, indicator)
);
