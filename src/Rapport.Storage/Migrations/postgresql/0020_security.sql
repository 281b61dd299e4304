-- What a hub open to the internet needs: sign-in throttling and the audit log.
--
-- Failed sign-ins per email, typed by anyone: ten within fifteen minutes lock the email for fifteen minutes
-- (configurable). Kept per email rather than per teammate, known or not, so that a lock tells nothing about which emails
-- exist; rows whose window and lock have passed are deleted as new failures come in.
CREATE TABLE sign_in_failures (
    email           text PRIMARY KEY,
    failures        integer NOT NULL,
    first_failed_at timestamptz NOT NULL,
    locked_until    timestamptz
);
CREATE INDEX sign_in_failures_first_failed ON sign_in_failures (first_failed_at);

-- The audit log: who did what, when, from where. Append-only: the store has no path to change or remove an entry, and
-- these triggers refuse one from anywhere else (TRUNCATE included). The actor is kept by name and email as they were (no
-- foreign key), so a removed teammate's entries still say who it was.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    action      text NOT NULL,
    actor_id    bigint,
    actor_name  text,
    actor_email text,
    address     text,
    subject     text,
    detail      text
);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
