-- The provider's delivery report on the outbox row (WeChat's TEMPLATESENDJOBFINISH status: success, failed:user
-- block, failed:system failed), found by the provider's message id; and the count of today's attempts per account
-- for a channel's daily quota (template messages: 100,000 a day by default), read once per account and day.
ALTER TABLE outbox ADD COLUMN delivery_status VARCHAR(64) NULL;
ALTER TABLE outbox ADD COLUMN delivered_at BIGINT NULL;
CREATE INDEX ix_outbox_provider_message ON outbox (provider_message_id);
CREATE INDEX ix_outbox_account_attempt ON outbox (account, channel, first_attempt_at);
