-- Timed triggers (docs/adr/0011-schedule-fires-and-bulk-entry.md): one row per journey whose accepting version has a
-- schedule or date trigger. due_at is when the poller next starts a fire (NULL: it will not fire again); fire_at is the
-- next fire's time (a date trigger's: the start of the next window of entry times), or during a fire that fire's time.
-- fire_event_id is set while a fire runs (its trigger event, shared by its instances) and cursor is the last contact
-- id whose page committed, so a fire cut short resumes from there. lease_owner/lease_until let one node run a fire.
CREATE TABLE journey_schedule (
    journey_id      BIGINT      NOT NULL,
    tenant_id       BIGINT      NOT NULL,
    journey_version INT         NOT NULL,
    due_at          BIGINT      NULL,
    fire_at         BIGINT      NULL,
    fire_to         BIGINT      NULL,
    fire_event_id   BIGINT      NULL,
    cursor_id       BIGINT      NOT NULL,
    entered         BIGINT      NOT NULL,
    skipped         BIGINT      NOT NULL,
    last_fire_at    BIGINT      NULL,
    lease_owner     VARCHAR(64) NULL,
    lease_until     BIGINT      NULL,
    updated_at      BIGINT      NOT NULL,
    version         INT         NOT NULL,
    PRIMARY KEY (journey_id)
);
CREATE INDEX ix_journey_schedule_due ON journey_schedule (due_at);
