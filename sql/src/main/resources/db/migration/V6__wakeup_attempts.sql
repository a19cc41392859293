-- Wake-ups back off like events. A wake-up that fails on its own counts an attempt and its timer is put back at a
-- later wake_at (exponential backoff, the event settings); after the last attempt the instance ends FAILED. The
-- count is the current timer's (every other state change sets it back to zero); last_error keeps the last failure's
-- text, cut to 500 characters like contact_event.last_error.
ALTER TABLE journey_instance ADD COLUMN wake_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE journey_instance ADD COLUMN last_error VARCHAR(500) NULL;
