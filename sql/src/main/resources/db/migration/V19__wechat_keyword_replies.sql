-- Keyword replies of an official account: its rules ({keyword, match, reply}, in order) as one JSON array, read by
-- the callback to answer a follower's text message inside the response (a passive reply).
CREATE TABLE wechat_keyword_reply (
    app_id     VARCHAR(32) NOT NULL,
    tenant_id  BIGINT      NOT NULL,
    rules_json TEXT        NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id)
);
