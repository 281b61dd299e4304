-- Times are unix milliseconds (UTC); money is decimal text; JSON is text checked by json_valid.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT NOT NULL UNIQUE,
    name          TEXT,
    status        TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
    status_reason TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT NOT NULL UNIQUE,
    email         TEXT,
    name          TEXT,
    status        TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
    status_reason TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX users_email ON users (email);

CREATE TABLE memberships (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, user_id, source)
);
CREATE INDEX memberships_user ON memberships (user_id);
CREATE INDEX memberships_source ON memberships (source, user_id);

CREATE TABLE source_companies (
    source            TEXT NOT NULL,
    source_id         TEXT NOT NULL,
    account_id        INTEGER NOT NULL REFERENCES accounts (id),
    external_id       TEXT,
    name              TEXT,
    plan              TEXT,
    monthly_spend     TEXT,
    user_count        INTEGER,
    session_count     INTEGER,
    size              INTEGER,
    industry          TEXT,
    website           TEXT,
    source_created_at INTEGER,
    source_updated_at INTEGER,
    last_seen_at      INTEGER,
    custom_attributes TEXT NOT NULL CHECK (json_valid(custom_attributes)),
    raw               TEXT NOT NULL CHECK (json_valid(raw)),
    content_hash      TEXT,
    qualified         INTEGER NOT NULL CHECK (qualified IN (0, 1)),
    reason            TEXT,
    seen_run          TEXT,
    written_at        INTEGER NOT NULL,
    PRIMARY KEY (source, source_id)
);
CREATE INDEX source_companies_account ON source_companies (account_id);

CREATE TABLE source_company_tags (
    source    TEXT NOT NULL,
    source_id TEXT NOT NULL,
    tag       TEXT NOT NULL,
    PRIMARY KEY (source, source_id, tag),
    FOREIGN KEY (source, source_id) REFERENCES source_companies (source, source_id) ON DELETE CASCADE
);
CREATE INDEX source_company_tags_tag ON source_company_tags (tag);

CREATE TABLE source_company_segments (
    source    TEXT NOT NULL,
    source_id TEXT NOT NULL,
    segment   TEXT NOT NULL,
    PRIMARY KEY (source, source_id, segment),
    FOREIGN KEY (source, source_id) REFERENCES source_companies (source, source_id) ON DELETE CASCADE
);
CREATE INDEX source_company_segments_segment ON source_company_segments (segment);

CREATE TABLE source_contacts (
    source            TEXT NOT NULL,
    source_id         TEXT NOT NULL,
    external_id       TEXT,
    email             TEXT,
    name              TEXT,
    source_created_at INTEGER,
    source_updated_at INTEGER,
    last_seen_at      INTEGER,
    custom_attributes TEXT NOT NULL CHECK (json_valid(custom_attributes)),
    raw               TEXT NOT NULL CHECK (json_valid(raw)),
    content_hash      TEXT NOT NULL,
    seen_run          TEXT,
    written_at        INTEGER NOT NULL,
    PRIMARY KEY (source, source_id)
);
CREATE INDEX source_contacts_external_id ON source_contacts (external_id);

CREATE TABLE source_contact_companies (
    source            TEXT NOT NULL,
    contact_source_id TEXT NOT NULL,
    company_source_id TEXT NOT NULL,
    PRIMARY KEY (source, contact_source_id, company_source_id),
    FOREIGN KEY (source, contact_source_id) REFERENCES source_contacts (source, source_id) ON DELETE CASCADE
);
CREATE INDEX source_contact_companies_company ON source_contact_companies (source, company_source_id);

CREATE TABLE source_contact_tags (
    source            TEXT NOT NULL,
    contact_source_id TEXT NOT NULL,
    tag               TEXT NOT NULL,
    PRIMARY KEY (source, contact_source_id, tag),
    FOREIGN KEY (source, contact_source_id) REFERENCES source_contacts (source, source_id) ON DELETE CASCADE
);
CREATE INDEX source_contact_tags_tag ON source_contact_tags (tag);

CREATE TABLE sync_state (
    key        TEXT PRIMARY KEY,
    value      TEXT,
    updated_at INTEGER NOT NULL
);

CREATE TABLE import_runs (
    run_id      TEXT PRIMARY KEY,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    status      TEXT NOT NULL,
    summary     TEXT NOT NULL CHECK (json_valid(summary))
);
CREATE INDEX import_runs_started ON import_runs (started_at);
