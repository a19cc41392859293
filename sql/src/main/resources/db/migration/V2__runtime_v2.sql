-- Runtime v2: the contact is resolved at intake (contact_id is set when the event is stored, and partition_no is the
-- contact's partition), and a failing event backs off instead of blocking its partition.
ALTER TABLE contact_event ADD COLUMN next_attempt_at BIGINT NULL;

-- The partition worker's read: pending events of one partition in id order, skipping those backing off.
DROP INDEX ix_contact_event_pending ON contact_event;
CREATE INDEX ix_contact_event_pending ON contact_event (partition_no, status, id);
-- The admin API's list of events that gave up.
CREATE INDEX ix_contact_event_failed ON contact_event (tenant_id, status, id);
