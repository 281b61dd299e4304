-- A playbook's send whose turn comes inside its recipient's quiet hours (the queue was behind: a rate limit, a restart)
-- goes back to 'queued' until they end; the run it belongs to is found by its send to say why it waits.
ALTER TABLE outbound_sends ADD COLUMN held_until INTEGER;
CREATE INDEX playbook_runs_send ON playbook_runs (send_id) WHERE send_id IS NOT NULL;
