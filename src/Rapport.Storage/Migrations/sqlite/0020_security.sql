-- What a hub open to the internet needs: sign-in throttling and the audit log.
--
-- Failed sign-ins per email, typed by anyone: ten within fifteen minutes lock the email for fifteen minutes
-- (configurable). Kept per email rather than per teammate, known or not, so that a lock tells nothing about which emails
-- exist; rows whose window and lock have passed are deleted as new failures come in.
CREATE TABLE sign_in_failures (
    email           TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    first_failed_at INTEGER NOT NULL,
    locked_until    INTEGER
);
CREATE INDEX sign_in_failures_first_failed ON sign_in_failures (first_failed_at);

-- The audit log: who did what, when, from where. Append-only: the store has no path to change or remove an entry, and
-- these triggers refuse one from anywhere else. The actor is kept by name and email as they were (no foreign key), so a
-- removed teammate's entries still say who it was.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    action      TEXT NOT NULL,
    actor_id    INTEGER,
    actor_name  TEXT,
    actor_email TEXT,
    address     TEXT,
    subject     TEXT,
    detail      TEXT
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
