-- The conversations inbox and live conversations: deleted_at marks a conversation deleted in its source (kept, shown as
-- deleted); listed_at is the inbox's never-NULL sort key (the source's updated_at, else created_at, else when written), so
-- keyset pages compare row values without COALESCE and the index serves them.

ALTER TABLE conversations ADD COLUMN deleted_at INTEGER;
ALTER TABLE conversations ADD COLUMN listed_at INTEGER NOT NULL DEFAULT 0;
UPDATE conversations SET listed_at = COALESCE(source_updated_at, source_created_at, written_at);
CREATE INDEX conversations_listed ON conversations (listed_at, id);
CREATE INDEX conversation_parts_kind ON conversation_parts (conversation_id, part_type);
