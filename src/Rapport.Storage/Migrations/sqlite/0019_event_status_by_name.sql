-- An event name's status is the name's, whichever source delivers it: ignoring "Report Exported" drops it from
-- Intercom's webhook and Segment's track calls alike, and from a source that first sends it afterwards. One row per name
-- whose status a teammate set; a name without one is tracked. event_names keeps, per source, what it delivered. A name
-- ignored for any source stays ignored, so nothing dropped before the upgrade starts being stored.
CREATE TABLE event_statuses (
    name       TEXT PRIMARY KEY,
    status     TEXT NOT NULL CHECK (status IN ('tracked', 'ignored')),
    changed_by TEXT,
    changed_at INTEGER
);

INSERT INTO event_statuses (name, status, changed_by, changed_at)
SELECT name, status, status_changed_by, status_changed_at
FROM (
    SELECT name, status, status_changed_by, status_changed_at,
        ROW_NUMBER() OVER (PARTITION BY name ORDER BY status = 'ignored' DESC, status_changed_at DESC NULLS LAST) AS pick
    FROM event_names
    WHERE status = 'ignored' OR status_changed_by IS NOT NULL
) ranked
WHERE pick = 1;

ALTER TABLE event_names DROP COLUMN status;
ALTER TABLE event_names DROP COLUMN status_changed_by;
ALTER TABLE event_names DROP COLUMN status_changed_at;
