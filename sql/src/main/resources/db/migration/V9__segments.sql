-- Saved segments (docs/adr/0010): a tenant's named contact filters, and the membership the last refresh stored.
-- filter_json is the canonical filter JSON; refresh_seq counts completed refreshes (the dedupe keys of the
-- segment.entered / segment.exited events a refresh emits carry refresh_seq + 1, so a refresh repeated after a crash
-- emits nothing twice).
CREATE TABLE segment (
    id           BIGINT       NOT NULL,
    tenant_id    BIGINT       NOT NULL,
    segment_key  VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    filter_json  TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    version      INT          NOT NULL,
    refresh_seq  BIGINT       NOT NULL DEFAULT 0,
    refreshed_at BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_segment_key UNIQUE (tenant_id, segment_key)
);
CREATE INDEX ix_segment_tenant ON segment (tenant_id, id);

-- The members as of the last refresh, one row per (segment, contact); a refresh streams them in contact id order
-- (the primary key's) next to the filter's current members and writes the differences.
CREATE TABLE segment_member (
    tenant_id  BIGINT NOT NULL,
    segment_id BIGINT NOT NULL,
    contact_id BIGINT NOT NULL,
    since      BIGINT NOT NULL,
    PRIMARY KEY (segment_id, contact_id)
);

-- A segment scans a tenant's contacts in id order, a keyset batch at a time (tenant_id = ? AND id > ? ORDER BY
-- tenant_id, id LIMIT n). InnoDB's (tenant_id) index already holds the primary key after it, but H2 reads every row
-- of the tenant for each batch from it (scanCount 20,001 for a batch of 1,000 out of 20,000), so the index names
-- the id: the same index on MySQL/MariaDB, a range read on H2.
DROP INDEX ix_contact_tenant ON contact;
CREATE INDEX ix_contact_tenant ON contact (tenant_id, id);

-- Event conditions ("ordered in the last 30 days": a contact's events of one type within a window) probe each
-- candidate contact's events of that type by time; ix_contact_event_contact (contact_id, occurred_at) would read
-- every event type in the window.
CREATE INDEX ix_contact_event_contact_type ON contact_event (contact_id, event_type, occurred_at);
