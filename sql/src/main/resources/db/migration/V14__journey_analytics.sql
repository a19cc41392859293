-- Analytics that reconcile per version: counters gain the journey version they count (rows written before this
-- migration keep version 0, "before versions were counted"), so entered = active + completed + exited + failed can be
-- checked for each version on its own.
ALTER TABLE journey_counter ADD COLUMN journey_version INT NOT NULL DEFAULT 0;
ALTER TABLE journey_counter DROP PRIMARY KEY;
ALTER TABLE journey_counter ADD PRIMARY KEY (journey_id, journey_version, node_id, metric, bucket, shard);

-- Who is at a node now (GET /journeys/{id}/nodes/{nodeId}/contacts, paged by instance id) and how many wait at each
-- node (a GROUP BY over the journey's live instances).
CREATE INDEX ix_journey_instance_node ON journey_instance (journey_id, current_node, status, id);

-- The funnel starts from the steps at its first node in a time window; the later nodes are found through the
-- instance's own steps (ix_journey_step_instance).
CREATE INDEX ix_journey_step_node ON journey_step (journey_id, node_id, at);

-- Why a contact did not enter a journey: the latest decision per (contact, journey), replaced by the next one.
-- decision: TRIGGER_FILTER_FALSE, ENTRY_KEY_NULL, ENTRY_POLICY, MIN_INTERVAL.
CREATE TABLE journey_entry_decision (
    tenant_id       BIGINT       NOT NULL,
    contact_id      BIGINT       NOT NULL,
    journey_id      BIGINT       NOT NULL,
    journey_version INT          NOT NULL,
    event_id        BIGINT       NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    decision        VARCHAR(24)  NOT NULL,
    detail          VARCHAR(255) NULL,
    decided_at      BIGINT       NOT NULL,
    PRIMARY KEY (contact_id, journey_id)
);
