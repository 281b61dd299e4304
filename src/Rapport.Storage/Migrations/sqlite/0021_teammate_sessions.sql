-- Server-side sessions: a copied session cookie stops working once its session ends (sign-out, the
-- teammate ending it from their profile, an Admin ending all of a teammate's), and every session of a teammate ends
-- when their password or role changes or they are removed. The cookie names its session and the security stamp it was
-- issued under; both are checked on every request. AUTOINCREMENT so an ended session's id is never handed out again
-- (a freed id would revive the cookies that named it).
ALTER TABLE teammates ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
UPDATE teammates SET security_stamp = lower(hex(randomblob(16)));

CREATE TABLE teammate_sessions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    teammate_id  INTEGER NOT NULL REFERENCES teammates (id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    address      TEXT,
    user_agent   TEXT
);
CREATE INDEX teammate_sessions_teammate ON teammate_sessions (teammate_id);
