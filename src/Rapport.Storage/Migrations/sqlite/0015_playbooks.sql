-- Playbooks ("when <trigger> then <action>") and their runs. A run is one match of a playbook for one user and one trigger
-- occurrence (unique, so a playbook fires once per occurrence), recorded before anything is queued; it is also the audit
-- log: queued (with the outbound send, whose Intercom id comes once sent), skipped with its reason, deferred past quiet
-- hours, or a dry run's preview.

CREATE TABLE playbooks (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    definition   TEXT NOT NULL CHECK (json_valid(definition)),
    enabled      INTEGER NOT NULL,
    event_cursor INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE playbook_runs (
    id             INTEGER PRIMARY KEY,
    playbook_id    INTEGER NOT NULL REFERENCES playbooks (id) ON DELETE CASCADE,
    occurrence_key TEXT NOT NULL,
    user_id        INTEGER NOT NULL,
    account_id     INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'deferred', 'queued', 'skipped', 'dry_run')),
    reason         TEXT,
    send_id        INTEGER,
    not_before     INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (playbook_id, occurrence_key, user_id)
);
CREATE INDEX playbook_runs_due ON playbook_runs (id) WHERE status IN ('pending', 'deferred');
CREATE INDEX playbook_runs_user ON playbook_runs (playbook_id, user_id, status);
