-- Wayfarer foundation schema. MySQL dialect that also runs on H2 in MySQL mode.
-- Conventions: every table carries tenant_id; ids are application-assigned BIGINTs (snowflake);
-- instants are epoch milliseconds (BIGINT) taken from the engine's injected Clock, never NOW() in SQL.

CREATE TABLE tenant (
    tenant_id   BIGINT       NOT NULL,
    name        VARCHAR(128) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id)
);

CREATE TABLE api_key (
    id          BIGINT       NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    name        VARCHAR(128) NOT NULL,
    key_prefix  VARCHAR(16)  NOT NULL,
    key_hash    CHAR(64)     NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    revoked_at  BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_api_key_hash UNIQUE (key_hash)
);

CREATE TABLE wechat_account (
    id          BIGINT       NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    app_id      VARCHAR(32)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    secret_enc  VARCHAR(512) NOT NULL,
    token_enc   VARCHAR(512) NOT NULL,
    aes_key_enc VARCHAR(512) NULL,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_wechat_account_app UNIQUE (app_id)
);
CREATE INDEX ix_wechat_account_tenant ON wechat_account (tenant_id);

-- A journey holds the editable draft; each publish freezes a journey_version.
CREATE TABLE journey (
    id                BIGINT       NOT NULL,
    tenant_id         BIGINT       NOT NULL,
    journey_key       VARCHAR(64)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    draft_json        MEDIUMTEXT   NOT NULL,
    published_version INT          NULL,
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    version           INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_journey_key UNIQUE (tenant_id, journey_key)
);

CREATE TABLE journey_version (
    id              BIGINT      NOT NULL,
    tenant_id       BIGINT      NOT NULL,
    journey_id      BIGINT      NOT NULL,
    version         INT         NOT NULL,
    trigger_event   VARCHAR(64) NOT NULL,
    definition_json MEDIUMTEXT  NOT NULL,
    accepting       BOOLEAN     NOT NULL,
    published_at    BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_journey_version UNIQUE (journey_id, version)
);
CREATE INDEX ix_journey_version_trigger ON journey_version (tenant_id, trigger_event, accepting);

CREATE TABLE contact (
    id              BIGINT NOT NULL,
    tenant_id       BIGINT NOT NULL,
    attributes_json TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    version         INT    NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_contact_tenant ON contact (tenant_id);

-- kind: WECHAT_OPENID (namespace = appId), UNIONID, WECOM_EXTERNAL_USERID (namespace = corpId), PHONE, EMAIL, EXTERNAL
CREATE TABLE contact_identity (
    id          BIGINT       NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    contact_id  BIGINT       NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    namespace   VARCHAR(64)  NOT NULL,
    id_value    VARCHAR(128) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_contact_identity UNIQUE (tenant_id, kind, namespace, id_value)
);
CREATE INDEX ix_contact_identity_contact ON contact_identity (contact_id);

-- The durable event log. Its unique (tenant, source, dedupe key) is the callback dedupe guard; in embedded mode the
-- PENDING rows are also the event bus inbox (partition_no picks the worker).
CREATE TABLE contact_event (
    id                 BIGINT       NOT NULL,
    tenant_id          BIGINT       NOT NULL,
    source             VARCHAR(64)  NOT NULL,
    dedupe_key         VARCHAR(255) NOT NULL,
    event_type         VARCHAR(64)  NOT NULL,
    identity_kind      VARCHAR(32)  NOT NULL,
    identity_namespace VARCHAR(64)  NOT NULL,
    identity_value     VARCHAR(128) NOT NULL,
    unionid            VARCHAR(128) NULL,
    contact_id         BIGINT       NULL,
    properties_json    TEXT         NOT NULL,
    attributes_json    TEXT         NULL,
    occurred_at        BIGINT       NOT NULL,
    received_at        BIGINT       NOT NULL,
    partition_no       INT          NOT NULL,
    status             VARCHAR(12)  NOT NULL,
    attempts           INT          NOT NULL,
    processed_at       BIGINT       NULL,
    last_error         VARCHAR(500) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_contact_event_dedupe UNIQUE (tenant_id, source, dedupe_key)
);
CREATE INDEX ix_contact_event_pending ON contact_event (status, partition_no, id);
CREATE INDEX ix_contact_event_contact ON contact_event (contact_id, occurred_at);

-- One row per (journey, contact, entry). entry_key carries the entry policy (see JourneyInstance).
-- wake_at is the durable timer; lease_owner/lease_until let one poller claim a due wake-up.
CREATE TABLE journey_instance (
    id               BIGINT       NOT NULL,
    tenant_id        BIGINT       NOT NULL,
    journey_id       BIGINT       NOT NULL,
    journey_version  INT          NOT NULL,
    contact_id       BIGINT       NOT NULL,
    entry_key        VARCHAR(160) NOT NULL,
    trigger_event_id BIGINT       NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    current_node     VARCHAR(64)  NOT NULL,
    seq              INT          NOT NULL,
    wake_at          BIGINT       NULL,
    lease_owner      VARCHAR(64)  NULL,
    lease_until      BIGINT       NULL,
    entered_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    ended_at         BIGINT       NULL,
    end_reason       VARCHAR(32)  NULL,
    version          INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_journey_instance_entry UNIQUE (journey_id, contact_id, entry_key)
);
CREATE INDEX ix_journey_instance_contact ON journey_instance (contact_id, status);
CREATE INDEX ix_journey_instance_due ON journey_instance (status, wake_at);
CREATE INDEX ix_journey_instance_journey ON journey_instance (journey_id, status);

CREATE TABLE journey_step (
    id              BIGINT       NOT NULL,
    tenant_id       BIGINT       NOT NULL,
    instance_id     BIGINT       NOT NULL,
    journey_id      BIGINT       NOT NULL,
    journey_version INT          NOT NULL,
    contact_id      BIGINT       NOT NULL,
    node_id         VARCHAR(64)  NOT NULL,
    seq             INT          NOT NULL,
    outcome         VARCHAR(32)  NOT NULL,
    detail          VARCHAR(255) NULL,
    at              BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_journey_step_instance ON journey_step (instance_id, seq);
CREATE INDEX ix_journey_step_contact ON journey_step (contact_id, at);

-- Hourly analytics buckets; node_id '' holds journey-level metrics (entered, completed, exited). Each bucket is
-- striped over shards (one per writing thread) so concurrent steps do not queue on one row lock; reads sum them.
CREATE TABLE journey_counter (
    tenant_id  BIGINT      NOT NULL,
    journey_id BIGINT      NOT NULL,
    node_id    VARCHAR(64) NOT NULL,
    metric     VARCHAR(16) NOT NULL,
    bucket     BIGINT      NOT NULL,
    shard      SMALLINT    NOT NULL,
    amount     BIGINT      NOT NULL,
    PRIMARY KEY (journey_id, node_id, metric, bucket, shard)
);

-- Every send is an outbox row; its id is the delivery id (idempotency key), unique per (instance, node, seq).
CREATE TABLE outbox (
    id                  BIGINT       NOT NULL,
    tenant_id           BIGINT       NOT NULL,
    instance_id         BIGINT       NOT NULL,
    journey_id          BIGINT       NOT NULL,
    node_id             VARCHAR(64)  NOT NULL,
    seq                 INT          NOT NULL,
    contact_id          BIGINT       NOT NULL,
    channel             VARCHAR(32)  NOT NULL,
    account             VARCHAR(64)  NOT NULL,
    recipient           VARCHAR(128) NOT NULL,
    payload_json        TEXT         NOT NULL,
    status              VARCHAR(12)  NOT NULL,
    attempts            INT          NOT NULL,
    next_attempt_at     BIGINT       NOT NULL,
    lease_owner         VARCHAR(64)  NULL,
    lease_until         BIGINT       NULL,
    provider_message_id VARCHAR(64)  NULL,
    error_code          VARCHAR(32)  NULL,
    error_message       VARCHAR(500) NULL,
    created_at          BIGINT       NOT NULL,
    updated_at          BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_outbox_delivery UNIQUE (instance_id, node_id, seq)
);
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX ix_outbox_contact ON outbox (contact_id, created_at);
