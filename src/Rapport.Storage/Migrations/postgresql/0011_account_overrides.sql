-- What teammates set by hand on an account, each with who and when: the owner, which wins over the owner
-- trait; segment memberships, which win over a segment's rule; and indicators marked addressed, each mark naming the
-- activation it was made on so that a later activation starts unaddressed.

CREATE TABLE account_owner_overrides (
    account_id       bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    user_external_id text COLLATE "C" NOT NULL,
    set_by           text NOT NULL,
    set_at           timestamptz NOT NULL
);

CREATE TABLE account_segment_overrides (
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    segment    text COLLATE "C" NOT NULL,
    member     boolean NOT NULL,
    set_by     text NOT NULL,
    set_at     timestamptz NOT NULL,
    PRIMARY KEY (account_id, segment)
);

CREATE TABLE indicator_addressed (
    account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    indicator    text COLLATE "C" NOT NULL,
    activated_at timestamptz NOT NULL,
    addressed_by text NOT NULL,
    addressed_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, indicator)
);
