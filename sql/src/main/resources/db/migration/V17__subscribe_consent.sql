-- The subscription-message (订阅通知) consent ledger: per follower (contact), official account and template, what the
-- follower granted and refused and what WeChat did with the messages sent on it. Append-only. A record is unique per
-- push (the event's dedupe key) and template, so WeChat's retries of a push store nothing twice; a send's outcome is
-- keyed send:<deliveryId> / refused:<deliveryId>, a delivery report submsg:<msgId>.
-- kind: ONE_TIME (popup accept), STANDING (accepted in the settings), REFUSED (popup reject), REVOKED (switched off
-- in the settings), SEND_REFUSED (WeChat answered 43101), SENT (WeChat took a message: msg_id), RESULT (WeChat's
-- report of a message: msg_id, error_code, error_status).
CREATE TABLE wechat_subscribe_consent (
    id           BIGINT       NOT NULL,
    tenant_id    BIGINT       NOT NULL,
    contact_id   BIGINT       NOT NULL,
    app_id       VARCHAR(32)  NOT NULL,
    template_id  VARCHAR(128) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    occurred_at  BIGINT       NOT NULL,
    dedupe_key   VARCHAR(255) NOT NULL,
    delivery_id  BIGINT       NULL,
    msg_id       VARCHAR(64)  NULL,
    error_code   INT          NULL,
    error_status VARCHAR(255) NULL,
    recorded_at  BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_subscribe_consent_push UNIQUE (tenant_id, app_id, dedupe_key, template_id)
);
-- The check before a send: one template of one follower on one account, newest first.
CREATE INDEX ix_subscribe_consent_template ON wechat_subscribe_consent (contact_id, app_id, template_id, occurred_at);
-- A follower's history, newest first.
CREATE INDEX ix_subscribe_consent_contact ON wechat_subscribe_consent (contact_id, occurred_at);
-- A delivery report found by WeChat's msgid.
CREATE INDEX ix_subscribe_consent_msg ON wechat_subscribe_consent (app_id, msg_id);
