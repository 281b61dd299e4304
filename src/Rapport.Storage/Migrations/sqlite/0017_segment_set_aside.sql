-- A Segment call that keeps failing is set aside rather than retried forever, so it cannot hold up the calls after it.
-- attempts and last_error say why; retry_at is the earliest next attempt (backoff); a retry clears set_aside_at and the
-- call is applied again in its original place (its id); a discarded call stays for the record, never applied.
ALTER TABLE segment_inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE segment_inbox ADD COLUMN last_error TEXT;
ALTER TABLE segment_inbox ADD COLUMN failed_at INTEGER;
ALTER TABLE segment_inbox ADD COLUMN retry_at INTEGER;
ALTER TABLE segment_inbox ADD COLUMN set_aside_at INTEGER;
ALTER TABLE segment_inbox ADD COLUMN discarded_at INTEGER;

DROP INDEX segment_inbox_pending;
CREATE INDEX segment_inbox_pending ON segment_inbox (id) WHERE applied_at IS NULL AND set_aside_at IS NULL;
CREATE INDEX segment_inbox_set_aside ON segment_inbox (id) WHERE set_aside_at IS NOT NULL AND discarded_at IS NULL;
