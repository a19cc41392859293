-- Tenant-wide send settings (quiet hours, frequency caps) as one JSON value per tenant and setting name, and the
-- China holiday calendar files a tenant's admin uploaded (NateScarlet per-year JSON; each replaces the bundled year
-- for that tenant only).
CREATE TABLE tenant_setting (
    tenant_id  BIGINT      NOT NULL,
    name       VARCHAR(32) NOT NULL,
    value_json TEXT        NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE holiday_calendar_file (
    tenant_id     BIGINT     NOT NULL,
    calendar_year INT        NOT NULL,
    content       MEDIUMTEXT NOT NULL,
    updated_at    BIGINT     NOT NULL,
    PRIMARY KEY (tenant_id, calendar_year)
);
