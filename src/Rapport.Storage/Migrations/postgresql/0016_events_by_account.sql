-- The account model counts an event that names its account (a Segment track call's context.groupId, or the user's most
-- recent account when it arrived) on that account alone, read by account and name; Intercom's events name none.
CREATE INDEX events_account_name ON events (account_id, name, occurred_at) WHERE account_id IS NOT NULL;
