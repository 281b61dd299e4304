-- Failed sign-ins per email, typed by anyone (issue 16): ten within fifteen minutes lock the email for fifteen minutes
-- (configurable). Kept per email rather than per teammate, known or not, so that a lock tells nothing about which emails
-- exist; rows whose window and lock have passed are deleted as new failures come in.
CREATE TABLE sign_in_failures (
    email           text PRIMARY KEY,
    failures        integer NOT NULL,
    first_failed_at timestamptz NOT NULL,
    locked_until    timestamptz
);
CREATE INDEX sign_in_failures_first_failed ON sign_in_failures (first_failed_at);
