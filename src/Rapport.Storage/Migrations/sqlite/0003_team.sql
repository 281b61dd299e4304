-- The people who use Rapport, their personal API tokens, and the key ring that encrypts secrets at rest
-- (ASP.NET Data Protection), kept in the database so every node and every command reads the same keys.

CREATE TABLE teammates (
    id                   INTEGER PRIMARY KEY,
    email                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name                 TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'leader', 'team_member')),
    intercom_admin_email TEXT,
    password_hash        TEXT NOT NULL,
    created_at           INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    teammate_id  INTEGER NOT NULL REFERENCES teammates (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX api_tokens_teammate ON api_tokens (teammate_id);

CREATE TABLE data_protection_keys (
    name TEXT PRIMARY KEY,
    xml  TEXT NOT NULL
);
