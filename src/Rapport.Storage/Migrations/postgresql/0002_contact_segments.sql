-- Users' segments: the Intercom contact object has none, so the import reads them per segment: one search per
-- segment's members instead of one call per contact.
CREATE TABLE source_contact_segments (
    source    text COLLATE "C" NOT NULL,
    source_id text COLLATE "C" NOT NULL,
    segment   text COLLATE "C" NOT NULL,
    PRIMARY KEY (source, source_id, segment),
    FOREIGN KEY (source, source_id) REFERENCES source_contacts (source, source_id) ON DELETE CASCADE
);
CREATE INDEX source_contact_segments_segment ON source_contact_segments (segment);
