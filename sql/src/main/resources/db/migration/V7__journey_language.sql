-- The journey language, complete: an instance remembers what it learnt on its way (awaited events, webhook
-- responses) for later nodes and templates; NULL for the many instances that learnt nothing.
ALTER TABLE journey_instance ADD COLUMN context_json TEXT NULL;

-- Counter metrics name split paths ("path:<name>", names up to 32 characters).
ALTER TABLE journey_counter MODIFY COLUMN metric VARCHAR(48) NOT NULL;
