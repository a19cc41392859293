-- Versions and lifecycle of a journey (docs/adr/0009-pausing-holds-timers.md). V8 and V9 are reserved for work in
-- progress elsewhere: a database that ran V10 first refuses them later unless Flyway runs with outOfOrder.
--
-- The status was derived from published_version (DRAFT or PUBLISHED); it is stored from here on, because PAUSED,
-- STOPPED and ARCHIVED cannot be derived. paused_at is when the current pause began, resumed_at when it ended; both
-- stay set until every timer held during the pause has been released, so a resume cut short by a crash is finished
-- by the next node that notices (a journey with paused_at set and a status other than PAUSED).
ALTER TABLE journey ADD COLUMN status VARCHAR(12) NOT NULL DEFAULT 'DRAFT';
UPDATE journey SET status = 'PUBLISHED' WHERE published_version IS NOT NULL;
ALTER TABLE journey ADD COLUMN paused_at BIGINT NULL;
ALTER TABLE journey ADD COLUMN resumed_at BIGINT NULL;
CREATE INDEX ix_journey_paused ON journey (paused_at);

-- A timer that falls due while its journey is paused is parked: held_wake_at keeps when it was due and wake_at is
-- NULL, so the timer claims (index ix_journey_instance_due) never see it; resume puts wake_at back. Released in pages,
-- earliest first, by this index.
ALTER TABLE journey_instance ADD COLUMN held_wake_at BIGINT NULL;
CREATE INDEX ix_journey_instance_held ON journey_instance (journey_id, held_wake_at, id);
-- Stop and migrate walk one journey's instances of one status in id order, a page at a time; with id spelled out the
-- page is an index range, not a sort of every instance of the journey.
DROP INDEX ix_journey_instance_journey ON journey_instance;
CREATE INDEX ix_journey_instance_journey ON journey_instance (journey_id, status, id);
