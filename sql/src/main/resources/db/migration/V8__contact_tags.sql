-- Contact tags. The contact row carries its tags (a JSON array, NULL when none), so the engine reads them with the
-- contact at no extra statement; contact_tag is the index segments query ("has tag X") over millions of contacts,
-- written only when tags change.
ALTER TABLE contact ADD COLUMN tags_json TEXT NULL;

CREATE TABLE contact_tag (
    tenant_id  BIGINT      NOT NULL,
    contact_id BIGINT      NOT NULL,
    tag        VARCHAR(64) NOT NULL,
    tagged_at  BIGINT      NOT NULL,
    PRIMARY KEY (contact_id, tag)
);
CREATE INDEX ix_contact_tag_tag ON contact_tag (tenant_id, tag, contact_id);
