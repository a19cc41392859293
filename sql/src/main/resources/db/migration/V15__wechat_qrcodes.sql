-- Scene QR codes of official accounts (channel-wechat's qrcode package, POST /api/v1/wechat/qrcodes). A code has the
-- ticket WeChat issued for its scene; a temporary code's ticket is replaced before it expires (renew_at: when the
-- re-issue job asks for the next one; NULL for permanent and retired codes), the replaced tickets kept in
-- wechat_qrcode_ticket. live_scene is the scene while the code is live and NULL once it is retired, so a scene
-- belongs to one live code per account (NULLs never collide in a unique key). Scenes are printable ASCII compared
-- case-sensitively, as WeChat does: hence ascii_bin (H2 compares case-sensitively anyway and ignores the clause).
-- follows and scans are tallied in the intake's transaction, from the wechat.followed / wechat.qr_scanned events
-- whose scene is the code's, so they agree exactly with contact_event without reading it.
CREATE TABLE wechat_qrcode (
    id           BIGINT       NOT NULL,
    tenant_id    BIGINT       NOT NULL,
    app_id       VARCHAR(32)  NOT NULL,
    scene        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    live_scene   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    is_temporary BOOLEAN      NOT NULL,
    expires_in   INT          NULL,
    ticket       VARCHAR(255) NOT NULL,
    url          VARCHAR(255) NOT NULL,
    image_url    VARCHAR(512) NOT NULL,
    issued_at    BIGINT       NOT NULL,
    expires_at   BIGINT       NULL,
    renew_at     BIGINT       NULL,
    journey_id   BIGINT       NULL,
    follows      BIGINT       NOT NULL,
    scans        BIGINT       NOT NULL,
    reissues     INT          NOT NULL,
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    retired_at   BIGINT       NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_wechat_qrcode_live_scene UNIQUE (app_id, live_scene)
);
-- The tenant's codes in id order (the list), and one account's.
CREATE INDEX ix_wechat_qrcode_tenant ON wechat_qrcode (tenant_id, id);
CREATE INDEX ix_wechat_qrcode_app ON wechat_qrcode (app_id, id);
-- Permanent codes of an account, against WeChat's 100,000 (counted from the index alone).
CREATE INDEX ix_wechat_qrcode_kind ON wechat_qrcode (app_id, is_temporary);
-- The re-issue job's read: codes due by renew_at.
CREATE INDEX ix_wechat_qrcode_renew ON wechat_qrcode (renew_at, id);

-- Tickets a re-issue replaced, one row each: which ticket a code had when (scans of a replaced ticket still arrive
-- under the code's scene until it expires).
CREATE TABLE wechat_qrcode_ticket (
    id          BIGINT       NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    qrcode_id   BIGINT       NOT NULL,
    ticket      VARCHAR(255) NOT NULL,
    url         VARCHAR(255) NOT NULL,
    issued_at   BIGINT       NOT NULL,
    expires_at  BIGINT       NOT NULL,
    replaced_at BIGINT       NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_wechat_qrcode_ticket_code ON wechat_qrcode_ticket (qrcode_id, id);
